/// The type of a parameter, following Fluentd's configuration parameter types.
public enum ParamType: Sendable, Hashable, CustomStringConvertible {
    /// Any text.
    case string
    /// A whole number (`-3`, `42`).
    case integer
    /// A finite decimal number (`0.95`).
    case float
    /// `true`/`yes` or `false`/`no`; a key written without a value means `true`.
    case bool
    /// Fluentd's `time` type: `10s`, `5m`, `1h`, `1d`, or a plain number of seconds (`0.25`).
    case duration
    /// Fluentd's `size` type: `512k`, `8m`, `1g`, `1t` (any case, powers of 1024) or plain bytes.
    case size
    /// A JSON array or a comma-separated list.
    case array
    /// A JSON object or `k1:v1,k2:v2`.
    case hash
    /// One of a fixed list of words.
    case enumeration([String])
    /// `/pattern/flags` or a bare pattern.
    case regexp

    /// The type's name as used in documentation (`bool`, `time`, `enum: a/b`).
    public var description: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .float: "float"
        case .bool: "bool"
        case .duration: "time"
        case .size: "size"
        case .array: "array"
        case .hash: "hash"
        case .enumeration(let list): "enum: " + list.joined(separator: "/")
        case .regexp: "regexp"
        }
    }
}
