import FaultMavenCore
import Foundation

/// One event parsed from one or more lines of a source.
public struct ParsedEvent: Sendable, Hashable {
    /// Event time from the line; nil when the line had none or it could not be read.
    public var time: Date?
    public var level: Level
    /// The message: the message field/group when the format has one, else the whole text.
    /// Lines joined into one event (multiline, stack traces) are separated by `\n`.
    public var message: String
    /// Other fields: JSON keys, logfmt pairs, regexp groups, syslog `host`/`ident`/`pid`, ...
    /// Values are strings; nested JSON values are kept as compact JSON text.
    public var fields: [String: String]
    /// Number (as passed to `feed`) of the event's first line.
    public var firstLine: Int
    /// Lines the event spans, including lines cut off by `maxLines`.
    public var lineCount: Int
    /// True when the text did not match the configured format: `message` is then the raw text.
    public var parseFailed: Bool

    public init(
        time: Date? = nil, level: Level = .unknown, message: String, fields: [String: String] = [:],
        firstLine: Int = 0, lineCount: Int = 1, parseFailed: Bool = false
    ) {
        self.time = time
        self.level = level
        self.message = message
        self.fields = fields
        self.firstLine = firstLine
        self.lineCount = lineCount
        self.parseFailed = parseFailed
    }
}
