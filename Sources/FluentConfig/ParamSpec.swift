/// The declaration of one parameter: name, type, default, documentation and whether it is
/// required. Validation, typed access and documentation all come from this one value.
public struct ParamSpec: Sendable, Hashable {
    /// The key (or numbered family) this spec covers.
    public var name: ParamName
    /// The value's type.
    public var type: ParamType
    /// The default, written as it would be in a config file (`"10s"`, `"true"`), or `nil`.
    public var defaultValue: String?
    /// One-line documentation.
    public var doc: String
    /// Whether leaving the parameter out is an error.
    public var required: Bool

    /// Declares a parameter with an exact name.
    public init(_ name: String, _ type: ParamType, default defaultValue: String? = nil, required: Bool = false, doc: String = "") {
        self.init(name: .exact(name), type: type, default: defaultValue, required: required, doc: doc)
    }

    /// Declares a parameter for any ``ParamName`` (use `.numbered` for `format1`…`format20`).
    public init(name: ParamName, type: ParamType, default defaultValue: String? = nil, required: Bool = false, doc: String = "") {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.required = required
        self.doc = doc
    }
}
