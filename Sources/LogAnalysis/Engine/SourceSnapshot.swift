import Foundation

/// Statistics of one source at snapshot time.
public struct SourceSnapshot: Sendable, Codable, Hashable {
    public var source: String
    public var lines: Int
    /// Lines per level name (`ERROR`, `WARN`, ...).
    public var levels: [String: Int]
    /// Error share over the shortest error-rate window (closed buckets plus the current one).
    public var errorRatio: Double
    /// Error share of the baseline (history outside anomalies), nil before any.
    public var baselineErrorRatio: Double?
    /// Lines per second over the history kept.
    public var linesPerSecond: Double
    public var firstSeen: Date?
    public var lastSeen: Date?
    /// The most frequent templates, most frequent first (at most 10).
    public var topTemplates: [TemplateSnapshot]
    /// The latest ERROR/FATAL messages, oldest first.
    public var recentErrors: [String]
    /// Templates currently tracked, and evicted so far.
    public var templatesTracked: Int
    public var templatesEvicted: Int

    public init(
        source: String, lines: Int, levels: [String: Int], errorRatio: Double, baselineErrorRatio: Double?,
        linesPerSecond: Double, firstSeen: Date?, lastSeen: Date?, topTemplates: [TemplateSnapshot],
        recentErrors: [String], templatesTracked: Int, templatesEvicted: Int
    ) {
        self.source = source
        self.lines = lines
        self.levels = levels
        self.errorRatio = errorRatio
        self.baselineErrorRatio = baselineErrorRatio
        self.linesPerSecond = linesPerSecond
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.topTemplates = topTemplates
        self.recentErrors = recentErrors
        self.templatesTracked = templatesTracked
        self.templatesEvicted = templatesEvicted
    }

    enum CodingKeys: String, CodingKey {
        case source, lines, levels
        case errorRatio = "error_ratio"
        case baselineErrorRatio = "baseline_error_ratio"
        case linesPerSecond = "lines_per_second"
        case firstSeen = "first_seen"
        case lastSeen = "last_seen"
        case topTemplates = "top_templates"
        case recentErrors = "recent_errors"
        case templatesTracked = "templates_tracked"
        case templatesEvicted = "templates_evicted"
    }
}
