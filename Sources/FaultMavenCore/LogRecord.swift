import Foundation

/// The value passed between pipeline stages: one log event after framing and parsing.
///
/// Small and value-typed on purpose; stages never share mutable state through it.
public struct LogRecord: Sendable, Hashable {
    /// Source id: the file path as configured/given, or the source's tag for non-file inputs.
    public var source: String
    /// Fluentd-style routing tag.
    public var tag: String
    /// 1-based number of the event's first line within its source (0 when not line-based).
    public var line: Int
    /// Event time taken from the line, if it had one.
    public var time: Date?
    /// When the agent read the event.
    public var ingestTime: Date
    public var level: Level
    public var message: String
    /// Extra fields from structured formats (JSON keys, regexp named groups, logfmt pairs).
    public var fields: [String: String]
    /// Set by the template miner.
    public var templateID: Int?
    public var template: String?
    public var params: [String]
    /// Names of `params` where the line names them (`latency_ms=<*>`), `nil` for the others; empty
    /// when none is named.
    public var paramNames: [String?]

    public init(
        source: String, tag: String = "", line: Int = 0, time: Date? = nil, ingestTime: Date = Date(),
        level: Level = .unknown, message: String, fields: [String: String] = [:],
        templateID: Int? = nil, template: String? = nil, params: [String] = [], paramNames: [String?] = []
    ) {
        self.source = source
        self.tag = tag
        self.line = line
        self.time = time
        self.ingestTime = ingestTime
        self.level = level
        self.message = message
        self.fields = fields
        self.templateID = templateID
        self.template = template
        self.params = params
        self.paramNames = paramNames
    }

    /// The name of parameter `index`, when the line names it.
    public func paramName(_ index: Int) -> String? {
        index < paramNames.count ? paramNames[index] : nil
    }

    /// Event time when known, else ingest time.
    public var effectiveTime: Date { time ?? ingestTime }
}
