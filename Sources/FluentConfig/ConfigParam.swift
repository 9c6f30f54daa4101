/// One `key value` line of a directive, as read from the file.
public struct ConfigParam: Sendable, Hashable {
    /// The key (`path`, `@type`, `format1`).
    public var name: String
    /// The value after unquoting and escape processing; JSON values hold their JSON text
    /// (comments removed); regex values hold `/pattern/flags` as written.
    public var value: String
    /// How the value was written.
    public var style: ConfigValueStyle
    /// The file and line of the key.
    public var location: SourceLocation
    /// The parsed JSON when `style` is `.json`.
    public var json: JSONValue?

    /// Creates a parameter.
    public init(name: String, value: String, style: ConfigValueStyle, location: SourceLocation, json: JSONValue? = nil) {
        self.name = name
        self.value = value
        self.style = style
        self.location = location
        self.json = json
    }
}
