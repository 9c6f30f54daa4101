import Glibc

/// A failed connect, write or read of the forward output's connection.
struct ForwardSocketError: Error, Sendable, CustomStringConvertible {
    let message: String
    /// The send's task was cancelled (shutdown), not a network failure.
    let isCancelled: Bool

    init(_ message: String, cancelled: Bool = false) {
        self.message = message
        isCancelled = cancelled
    }

    /// `message: <strerror(code)>`.
    static func system(_ message: String, _ code: Int32) -> ForwardSocketError {
        ForwardSocketError("\(message): \(String(cString: strerror(code)))")
    }

    static let cancelled = ForwardSocketError("cancelled", cancelled: true)

    var description: String { message }
}
