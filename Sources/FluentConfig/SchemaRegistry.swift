/// Schemas keyed by directive name and `@type`, so each plugin declares its options once:
/// `registry.register(tailSpec, type: "tail")` for `<source> @type tail`,
/// `registry.register(regexpSpec, type: "regexp")` for `<parse> @type regexp`.
public struct SchemaRegistry: Sendable {
    private struct Key: Hashable, Sendable {
        let directive: String
        let type: String?
    }

    private var specs: [Key: SectionSpec] = [:]
    private var typesByDirective: [String: Set<String>] = [:]

    /// The spec of the file itself: which top-level directives exist (`source`, `match`, …).
    /// When `nil`, a top-level directive is known if anything is registered for its name.
    public var root: SectionSpec?

    /// Creates an empty registry.
    public init(root: SectionSpec? = nil) {
        self.root = root
    }

    /// Registers `spec` for directives named `spec.name` whose `@type` is `type`; `type: nil`
    /// registers what applies to every such directive whatever its type (or without one).
    /// Registering the same key again replaces the earlier spec.
    public mutating func register(_ spec: SectionSpec, type: String? = nil) {
        specs[Key(directive: spec.name, type: type)] = spec
        if let type { typesByDirective[spec.name, default: []].insert(type) }
    }

    /// The spec registered for exactly this directive and type.
    public func spec(directive: String, type: String?) -> SectionSpec? {
        specs[Key(directive: directive, type: type)]
    }

    /// The types registered for `directive`, sorted.
    public func types(for directive: String) -> [String] {
        (typesByDirective[directive] ?? []).sorted()
    }

    /// Whether anything is registered for `directive`.
    public func knows(directive: String) -> Bool {
        specs.keys.contains { $0.directive == directive }
    }
}
