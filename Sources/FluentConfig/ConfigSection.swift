/// A directive (`<source>`, `<match app.**>`, `<parse>`, …) with its parameters and nested
/// directives. The file itself is the root section, named `ROOT`.
public struct ConfigSection: Sendable, Hashable {
    /// The directive name (`source`, `match`, `buffer`, `ROOT` for the file).
    public var name: String
    /// The text between the name and `>` (`app.**`, `tag, time`, `@SYSTEM`), trimmed; empty if none.
    public var argument: String
    /// The parameters in the order written; a key set twice keeps only its last value.
    public var params: [ConfigParam]
    /// The nested directives in the order written.
    public var sections: [ConfigSection]
    /// Where the opening tag is.
    public var location: SourceLocation

    /// Creates a section.
    public init(name: String, argument: String = "", params: [ConfigParam] = [], sections: [ConfigSection] = [], location: SourceLocation) {
        self.name = name
        self.argument = argument
        self.params = params
        self.sections = sections
        self.location = location
    }

    /// The argument split on whitespace and commas (`<match a.** b.*>` → `["a.**", "b.*"]`,
    /// `<buffer tag, time>` → `["tag", "time"]`).
    public var arguments: [String] {
        argument.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init)
    }

    /// `<name argument>` as it would open this directive.
    public var tagText: String {
        argument.isEmpty ? "<\(name)>" : "<\(name) \(argument)>"
    }

    /// The parameter named `name`, if present.
    public func param(_ name: String) -> ConfigParam? {
        params.last(where: { $0.name == name })
    }

    /// Whether a parameter named `name` is present.
    public func has(_ name: String) -> Bool {
        param(name) != nil
    }

    /// The nested directives named `name`, in order.
    public func sections(named name: String) -> [ConfigSection] {
        sections.filter { $0.name == name }
    }

    /// The first nested directive named `name`.
    public func section(named name: String) -> ConfigSection? {
        sections.first(where: { $0.name == name })
    }

    /// The plugin type: `@type`, or the legacy `type`.
    public var type: String? {
        (param("@type") ?? param("type"))?.value
    }

    /// The plugin id: `@id`, or the legacy `id`.
    public var id: String? {
        (param("@id") ?? param("id"))?.value
    }

    /// The label to route to: `@label`.
    public var label: String? {
        param("@label")?.value
    }

    /// The per-plugin log level: `@log_level`, or the legacy `log_level`.
    public var logLevel: String? {
        (param("@log_level") ?? param("log_level"))?.value
    }

    /// Replaces or appends a parameter (a repeated key keeps its last value, as in Fluentd).
    mutating func setParam(_ param: ConfigParam) -> ConfigParam? {
        if let index = params.firstIndex(where: { $0.name == param.name }) {
            let previous = params.remove(at: index)
            params.append(param)
            return previous
        }
        params.append(param)
        return nil
    }
}
