import FaultMavenCore
import LogAnalysis

/// What a batch of submitted log lines showed: the immediate answer to `POST /api/data` and
/// the evidence a session keeps for later questions.
public struct LogDigest: Sendable, Codable, Hashable {
    public struct TemplateCount: Sendable, Codable, Hashable {
        public var template: String
        public var count: Int
        public var level: String

        public init(template: String, count: Int, level: String) {
            self.template = template
            self.count = count
            self.level = level
        }
    }

    public var lines: Int
    public var events: Int
    /// Event counts by level name (`ERROR`, `WARN`, ...).
    public var levels: [String: Int]
    /// Up to a handful of distinct error and warning messages, most frequent pattern first.
    public var errorSamples: [String]
    /// The most frequent templates (bounded).
    public var templates: [TemplateCount]
    public var anomalies: [Anomaly]

    public init(lines: Int, events: Int, levels: [String: Int], errorSamples: [String], templates: [TemplateCount], anomalies: [Anomaly]) {
        self.lines = lines
        self.events = events
        self.levels = levels
        self.errorSamples = errorSamples
        self.templates = templates
        self.anomalies = anomalies
    }

    public var errorCount: Int { (levels[Level.error.name] ?? 0) + (levels[Level.fatal.name] ?? 0) }
    public var warningCount: Int { levels[Level.warn.name] ?? 0 }

    /// `Log analysis complete. Detected 4 errors and 2 warnings.`
    public var summary: String {
        var s = "Log analysis complete. Detected \(plural(errorCount, "error")) and \(plural(warningCount, "warning"))"
        s += " in \(plural(events, "event"))."
        if !anomalies.isEmpty { s += " \(plural(anomalies.count, "anomaly", "anomalies")) found." }
        return s
    }
}

func plural(_ n: Int, _ word: String, _ many: String? = nil) -> String {
    "\(n) \(n == 1 ? word : (many ?? word + "s"))"
}
