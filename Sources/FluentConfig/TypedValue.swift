/// A parameter value converted to its declared ``ParamType``.
public enum TypedValue: Sendable, Hashable {
    /// A `string` parameter.
    case string(String)
    /// An `integer` parameter.
    case integer(Int)
    /// A `float` parameter.
    case float(Double)
    /// A `bool` parameter.
    case bool(Bool)
    /// A `time` parameter, in seconds.
    case duration(Double)
    /// A `size` parameter, in bytes.
    case size(Int)
    /// An `array` parameter (shorthand lists become strings).
    case array([JSONValue])
    /// A `hash` parameter, members in written order (shorthand values become strings).
    case hash([(key: String, value: JSONValue)])
    /// An `enum` parameter: the chosen word.
    case enumeration(String)
    /// A `regexp` parameter.
    case regexp(ConfigRegex)

    /// The text of `.string` or `.enumeration`.
    public var stringValue: String? {
        switch self {
        case .string(let s), .enumeration(let s): s
        default: nil
        }
    }

    /// The number of `.integer` or `.size`.
    public var intValue: Int? {
        switch self {
        case .integer(let i), .size(let i): i
        default: nil
        }
    }

    /// The number of `.float` or `.duration` (seconds).
    public var doubleValue: Double? {
        switch self {
        case .float(let d), .duration(let d): d
        default: nil
        }
    }

    /// The value of `.bool`.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The elements of `.array`.
    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a }
        return nil
    }

    /// The members of `.hash`, in written order.
    public var hashMembers: [(key: String, value: JSONValue)]? {
        if case .hash(let h) = self { return h }
        return nil
    }

    /// The value of `.regexp`.
    public var regexValue: ConfigRegex? {
        if case .regexp(let r) = self { return r }
        return nil
    }

    /// Values are equal when their cases and payloads are.
    public static func == (lhs: TypedValue, rhs: TypedValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)), (.enumeration(let a), .enumeration(let b)): return a == b
        case (.integer(let a), .integer(let b)), (.size(let a), .size(let b)): return a == b
        case (.float(let a), .float(let b)), (.duration(let a), .duration(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.hash(let a), .hash(let b)): return JSONValue.object(a) == JSONValue.object(b)
        case (.regexp(let a), .regexp(let b)): return a == b
        default: return false
        }
    }

    /// Hashes consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .string(let s), .enumeration(let s): hasher.combine(s)
        case .integer(let i), .size(let i): hasher.combine(i)
        case .float, .duration: hasher.combine(1)
        case .bool(let b): hasher.combine(b)
        case .array(let a): hasher.combine(a)
        case .hash(let h): hasher.combine(JSONValue.object(h))
        case .regexp(let r): hasher.combine(r)
        }
    }
}
