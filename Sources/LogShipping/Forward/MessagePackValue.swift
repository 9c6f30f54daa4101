/// A decoded MessagePack value.
///
/// Integers that fit `Int64` decode as `.int`; only unsigned values above `Int64.max` decode as
/// `.uint`. `float 32` widens to `.float`. A `str` whose bytes are not UTF-8 decodes as `.binary`
/// (its raw bytes are kept, as Ruby-based receivers keep them). Map pairs keep their wire order.
public enum MessagePackValue: Sendable, Equatable {
    /// One key/value pair of a map.
    public struct Pair: Sendable, Equatable {
        public var key: MessagePackValue
        public var value: MessagePackValue

        public init(_ key: MessagePackValue, _ value: MessagePackValue) {
            self.key = key
            self.value = value
        }
    }

    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case float(Double)
    case string(String)
    case binary([UInt8])
    case array([MessagePackValue])
    case map([Pair])
    case ext(type: Int8, data: [UInt8])

    /// The value stored under the string key `key` of a map; nil for other values or a missing key.
    public subscript(key: String) -> MessagePackValue? {
        guard case .map(let pairs) = self else { return nil }
        return pairs.first { $0.key == .string(key) }?.value
    }

    /// The text of a `.string`.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The bytes of a `.string` or `.binary` (MessagePack's raw types).
    public var rawBytes: [UInt8]? {
        switch self {
        case .string(let s): Array(s.utf8)
        case .binary(let b): b
        default: nil
        }
    }

    /// The value of an `.int`, or of a `.uint` that fits.
    public var intValue: Int64? {
        switch self {
        case .int(let v): v
        case .uint(let v): v <= UInt64(Int64.max) ? Int64(v) : nil
        default: nil
        }
    }
}
