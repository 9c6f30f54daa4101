import Glibc

/// Errors of the shipping module; each names what failed and where.
public struct ShipError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// A bad `<buffer>` or output parameter.
        case config
        /// A file or directory operation failed.
        case io
        /// The buffer is full and `overflow_action` is `throw_exception`.
        case overflow
        /// The buffer was closed.
        case closed
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    static func config(_ m: String) -> ShipError { ShipError(.config, m) }
    static func io(_ m: String, _ code: Int32) -> ShipError { ShipError(.io, "\(m): \(String(cString: strerror(code)))") }

    public var description: String { message }
}
