/// Severity of a log event, normalized across formats (syslog priorities, log4j, Python, klog, JSON).
public enum Level: Int, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case trace = 0, debug, info, notice, warn, error, fatal
    /// The line carried no recognizable level.
    case unknown = 99

    public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }

    /// Upper-case name used in output and metrics labels (`ERROR`, `WARN`, ...).
    public var name: String {
        switch self {
        case .trace: "TRACE"
        case .debug: "DEBUG"
        case .info: "INFO"
        case .notice: "NOTICE"
        case .warn: "WARN"
        case .error: "ERROR"
        case .fatal: "FATAL"
        case .unknown: "UNKNOWN"
        }
    }

    /// `error` and `fatal` count as errors for error-rate statistics.
    public var isError: Bool { self == .error || self == .fatal }

    /// Parses a level word as written by common loggers, case-insensitively:
    /// `ERROR`, `err`, `Warning`, `crit`, `SEVERE`, `I` (klog), `notice`, ...
    public init?(word: some StringProtocol) {
        let w = word.lowercased()
        switch w {
        case "trace", "trc", "finest", "finer", "verbose", "t", "v": self = .trace
        case "debug", "dbg", "fine", "config", "d": self = .debug
        case "info", "inf", "information", "informational", "i": self = .info
        case "notice", "n": self = .notice
        case "warn", "warning", "wrn", "w": self = .warn
        case "error", "err", "eror", "severe", "e", "fail", "failure": self = .error
        case "fatal", "crit", "critical", "alert", "emerg", "emergency", "panic", "f", "c": self = .fatal
        default: return nil
        }
    }

    /// Maps a syslog / journald priority (0 emerg ... 7 debug).
    public init(syslogPriority p: Int) {
        switch p {
        case ...2: self = .fatal
        case 3: self = .error
        case 4: self = .warn
        case 5: self = .notice
        case 6: self = .info
        default: self = .debug
        }
    }
}
