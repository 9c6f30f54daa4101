/// Errors surfaced to users: each names what went wrong and where.
public struct FaultMavenError: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Bad config or input (CLI exit code 1).
        case badInput
        /// Something failed while running (exit code 3).
        case runtime
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public static func badInput(_ message: String) -> FaultMavenError { .init(.badInput, message) }
    public static func runtime(_ message: String) -> FaultMavenError { .init(.runtime, message) }

    public var description: String { message }
}
