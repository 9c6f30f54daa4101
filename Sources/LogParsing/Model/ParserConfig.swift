import FaultMavenCore
import Foundation

/// Parser settings, mirroring Fluentd's `<parse>` section (and `in_tail`'s multiline options).
///
/// Plain fields so the config reader can fill them one by one; `EventParser.init` validates them.
public struct ParserConfig: Sendable, Hashable {
    /// `@type`.
    public var type: ParserType
    /// `expression` for `regexp`: Ruby syntax, with or without the surrounding `/.../flags`.
    public var expression: String?
    /// `format_firstline` for `multiline`: a line matching it starts a new event.
    public var formatFirstline: String?
    /// `format1` ... `formatN` for `multiline`, concatenated into one expression.
    public var formats: [String]
    /// `time_key`. nil tries `time`, `ts`, `timestamp`, `@timestamp`, `t` (first present wins).
    public var timeKey: String?
    /// `time_format` (strptime style); nil recognizes common shapes automatically.
    public var timeFormat: String?
    /// `keep_time_key`: keep the time field in `fields` after using it.
    public var keepTimeKey: Bool
    /// `level_key`. nil tries `level`, `severity`, `lvl`, `loglevel`, `priority`, `PRIORITY`.
    public var levelKey: String?
    /// `message_key`. nil tries `message`, `msg`, `log`, `MESSAGE`.
    public var messageKey: String?
    /// `timezone` for times without one: `+09:00`, `-0500`, `UTC`, or an IANA name.
    public var timezone: String?
    /// `utc`: read zone-less times as UTC (the default when `timezone` is not set).
    public var utc: Bool
    /// `multiline_flush_interval` (seconds): how long the caller waits before calling `flush()`.
    public var multilineFlushInterval: TimeInterval?
    /// Lines kept per multiline event; later lines are cut off and counted.
    public var maxLines: Int
    /// Bytes kept per multiline event; later lines are cut off and counted.
    public var maxEventBytes: Int
    /// Longest line parsed whole; longer lines are cut to this size and counted.
    public var maxLineBytes: Int
    /// `ignorecase` for regexps.
    public var ignoreCase: Bool
    /// `multiline` flag of `regexp` (Ruby's `/m`): `.` also matches newlines.
    public var multiline: Bool
    /// Auto mode: consecutive lines the detected format must miss before detecting again.
    public var redetectAfter: Int

    public init(
        type: ParserType = .auto, expression: String? = nil, formatFirstline: String? = nil,
        formats: [String] = [], timeKey: String? = nil, timeFormat: String? = nil, keepTimeKey: Bool = false,
        levelKey: String? = nil, messageKey: String? = nil, timezone: String? = nil, utc: Bool = false,
        multilineFlushInterval: TimeInterval? = nil, maxLines: Int = 500, maxEventBytes: Int = 1 << 20,
        maxLineBytes: Int = Limits.maxLineBytes, ignoreCase: Bool = false, multiline: Bool = false,
        redetectAfter: Int = 32
    ) {
        self.type = type
        self.expression = expression
        self.formatFirstline = formatFirstline
        self.formats = formats
        self.timeKey = timeKey
        self.timeFormat = timeFormat
        self.keepTimeKey = keepTimeKey
        self.levelKey = levelKey
        self.messageKey = messageKey
        self.timezone = timezone
        self.utc = utc
        self.multilineFlushInterval = multilineFlushInterval
        self.maxLines = maxLines
        self.maxEventBytes = maxEventBytes
        self.maxLineBytes = maxLineBytes
        self.ignoreCase = ignoreCase
        self.multiline = multiline
        self.redetectAfter = redetectAfter
    }
}
