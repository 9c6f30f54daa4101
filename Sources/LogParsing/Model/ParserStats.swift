/// Counters kept by an `EventParser`; every line cut or dropped by a limit is counted here.
public struct ParserStats: Sendable, Hashable {
    /// Lines fed.
    public var lines = 0
    /// Events emitted.
    public var events = 0
    /// Lines/events that did not match the configured format (emitted with `parseFailed`).
    public var parseFailures = 0
    /// Time values present but unreadable (the event is kept with `time == nil`).
    public var timeFailures = 0
    /// Multiline events cut at `maxLines` / `maxEventBytes`.
    public var truncatedEvents = 0
    /// Lines dropped from cut multiline events.
    public var droppedLines = 0
    /// Lines longer than `maxLineBytes`, cut to that size.
    public var truncatedLines = 0
    /// Blank lines skipped (auto mode).
    public var skippedLines = 0
    /// Auto mode: lines no known format matched, emitted as plain messages.
    public var unmatchedLines = 0
    /// Auto mode: times the format was detected again after it stopped matching.
    public var redetections = 0
    /// Container logs: the runtime envelope unwrapped (`cri`, `docker`), nil for plain logs.
    public var container: ContainerEnvelope?
    /// Container logs: lines without the envelope (parsed as they are).
    public var unwrapFailures = 0
    /// Container logs: partial pieces (`P` lines, Docker `log` values without a newline) joined
    /// to the line they belong to.
    public var partialLines = 0
    /// The format in use: the configured one, or what auto mode detected (nil before detection).
    public var detectedFormat: LogFormat?

    public init() {}
}
