/// A failed delivery, classified for the retry logic.
public struct OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Disposition: Sendable, Equatable {
        /// Trying again later may work (network down, 429, 5xx). `after`: the wait the receiver
        /// asked for (`Retry-After`), used instead of a shorter backoff.
        case retryable(after: Duration?)
        /// Resending the same chunk will fail again (4xx): dead-letter it.
        case permanent
    }

    public let disposition: Disposition
    /// What failed, naming the output and the receiver.
    public let message: String

    public init(_ disposition: Disposition, _ message: String) {
        self.disposition = disposition
        self.message = message
    }

    public static func retryable(_ message: String, after: Duration? = nil) -> OutputError {
        OutputError(.retryable(after: after), message)
    }

    public static func permanent(_ message: String) -> OutputError { OutputError(.permanent, message) }

    public var isRetryable: Bool {
        if case .retryable = disposition { return true }
        return false
    }

    public var description: String { message }
}
