/// The declaration of a directive: its parameters, the directives it may contain, and how
/// strict validation is about anything else.
public struct SectionSpec: Sendable, Hashable {
    /// The directive name (`source`, `parse`, `buffer`, `ROOT` for the whole file).
    public var name: String
    /// Declared parameters.
    public var params: [ParamSpec]
    /// Declared nested directives.
    public var sections: [SectionSpec]
    /// When `true`, undeclared parameters are accepted silently.
    public var allowsUnknownParams: Bool
    /// When `true`, undeclared nested directives are accepted silently.
    public var allowsUnknownSections: Bool
    /// When `true`, a missing `@type` is an error.
    public var requiresType: Bool
    /// One-line documentation.
    public var doc: String

    /// Declares a directive.
    public init(
        _ name: String,
        params: [ParamSpec] = [],
        sections: [SectionSpec] = [],
        allowsUnknownParams: Bool = false,
        allowsUnknownSections: Bool = false,
        requiresType: Bool = false,
        doc: String = ""
    ) {
        self.name = name
        self.params = params
        self.sections = sections
        self.allowsUnknownParams = allowsUnknownParams
        self.allowsUnknownSections = allowsUnknownSections
        self.requiresType = requiresType
        self.doc = doc
    }

    /// The spec for parameter `key`, if declared (exact names win over families).
    public func param(for key: String) -> ParamSpec? {
        params.first(where: { $0.name == .exact(key) }) ?? params.first(where: { $0.name.matches(key) })
    }

    /// The spec of nested directive `name`, if declared.
    public func section(named name: String) -> SectionSpec? {
        sections.first(where: { $0.name == name })
    }

    /// This spec with `other`'s declarations added (used to combine a directive's generic
    /// declaration with its `@type`'s). On a name clash `other`'s declaration wins.
    public func merged(with other: SectionSpec) -> SectionSpec {
        var result = self
        for p in other.params {
            result.params.removeAll { $0.name == p.name }
            result.params.append(p)
        }
        for s in other.sections {
            if let i = result.sections.firstIndex(where: { $0.name == s.name }) {
                result.sections[i] = result.sections[i].merged(with: s)
            } else {
                result.sections.append(s)
            }
        }
        result.allowsUnknownParams = allowsUnknownParams || other.allowsUnknownParams
        result.allowsUnknownSections = allowsUnknownSections || other.allowsUnknownSections
        result.requiresType = requiresType || other.requiresType
        if result.doc.isEmpty { result.doc = other.doc }
        return result
    }
}
