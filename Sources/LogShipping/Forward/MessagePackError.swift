/// A MessagePack encoding or decoding failure, naming what and the byte offset where.
public struct MessagePackError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The bytes end inside a value: more input may complete it.
        case truncated
        /// The bytes are not MessagePack (reserved byte `0xc1`, bad ext payload, ...).
        case malformed
        /// A value exceeds a `MessagePackLimits` bound (nesting depth, length, element count).
        case limit
        /// A value is too large to encode (a length beyond 2³² − 1).
        case tooLarge
    }

    public let kind: Kind
    /// Offset of the value in the input (decoding) or output (encoding).
    public let offset: Int
    public let message: String

    public init(_ kind: Kind, at offset: Int, _ message: String) {
        self.kind = kind
        self.offset = offset
        self.message = message
    }

    public var description: String { "msgpack \(kind.rawValue) at byte \(offset): \(message)" }
}
