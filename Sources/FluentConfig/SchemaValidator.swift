/// Checks a parsed configuration against the schemas in a ``SchemaRegistry``.
///
/// Unknown parameters, sections, directives and `@type`s are warnings (with a "did you mean"
/// suggestion when a declared name is close); values that do not fit their declared type,
/// a missing required parameter and a missing required `@type` are errors.
public struct SchemaValidator: Sendable {
    /// Keys every directive accepts.
    public static let reservedParams = ["@type", "@id", "@label", "@log_level"]
    private static let legacyParams = ["type": "@type", "id": "@id", "log_level": "@log_level"]

    /// The schemas validated against.
    public var registry: SchemaRegistry

    /// Creates a validator.
    public init(registry: SchemaRegistry) {
        self.registry = registry
    }

    /// Validates a whole file (its `ROOT` section) and returns the findings in file order.
    public func validate(_ root: ConfigSection) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let rootSpec = registry.root
        if let rootSpec {
            checkParams(root, spec: rootSpec, into: &out)
        } else {
            for p in root.params {
                out.append(.warning("parameter '\(p.name)' outside any directive is ignored", at: p.location))
            }
        }
        let knownTop = rootSpec.map { $0.sections.map(\.name) } ?? []
        for child in root.sections {
            let listed = rootSpec?.section(named: child.name)
            if listed == nil, !(rootSpec?.allowsUnknownSections ?? false), !registry.knows(directive: child.name) {
                let hint = EditDistance.suggestion(for: child.name, among: knownTop).map { " (did you mean <\($0)>?)" } ?? ""
                out.append(.warning("unknown directive <\(child.name)>\(hint)", at: child.location))
                continue
            }
            check(child, listed: listed, into: &out)
        }
        return out
    }

    /// Validates one section against `spec`, as if `spec` were what is registered for it.
    public func validate(_ section: ConfigSection, against spec: SectionSpec) -> [Diagnostic] {
        var out: [Diagnostic] = []
        check(section, listed: spec, into: &out)
        return out
    }

    private func check(_ section: ConfigSection, listed: SectionSpec?, into out: inout [Diagnostic]) {
        let type = section.type
        let generic = registry.spec(directive: section.name, type: nil)
        let typed = type.flatMap { registry.spec(directive: section.name, type: $0) }
        let knownTypes = registry.types(for: section.name)
        if let type, typed == nil, !knownTypes.isEmpty {
            let location = (section.param("@type") ?? section.param("type"))?.location ?? section.location
            let hint = EditDistance.suggestion(for: type, among: knownTypes).map { " (did you mean '\($0)'?)" }
                ?? " (supported: \(knownTypes.joined(separator: ", ")))"
            out.append(.warning("unknown @type '\(type)' in <\(section.name)>\(hint)", at: location))
            return
        }
        let parts = [listed, generic, typed].compactMap { $0 }
        guard var spec = parts.first else { return }
        for extra in parts.dropFirst() { spec = spec.merged(with: extra) }

        if spec.requiresType, type == nil {
            out.append(.error("missing '@type' in <\(section.name)>", at: section.location))
        }
        checkParams(section, spec: spec, into: &out)
        for child in section.sections {
            let childSpec = spec.section(named: child.name)
            if childSpec == nil, !spec.allowsUnknownSections {
                let hint = EditDistance.suggestion(for: child.name, among: spec.sections.map(\.name)).map { " (did you mean <\($0)>?)" } ?? ""
                out.append(.warning("unknown section <\(child.name)> in <\(section.name)>\(hint)", at: child.location))
                continue
            }
            check(child, listed: childSpec, into: &out)
        }
    }

    private func checkParams(_ section: ConfigSection, spec: SectionSpec, into out: inout [Diagnostic]) {
        for p in section.params {
            if Self.reservedParams.contains(p.name) { continue }
            if let ps = spec.param(for: p.name) {
                do {
                    _ = try ValueConverter.convert(p, to: ps.type)
                } catch {
                    out.append(.error("parameter '\(p.name)': \(error.message)", at: p.location))
                }
                continue
            }
            if let modern = Self.legacyParams[p.name] {
                out.append(.warning("parameter '\(p.name)' in <\(section.name)> is the old spelling of '\(modern)'", at: p.location))
                continue
            }
            if spec.allowsUnknownParams, !p.name.hasPrefix("@") { continue }
            let hint = Self.familyHint(p.name, spec: spec)
                ?? EditDistance.suggestion(for: p.name, among: spec.params.flatMap(\.name.candidates) + Self.reservedParams)
                    .map { " (did you mean '\($0)'?)" }
                ?? ""
            out.append(.warning("unknown parameter '\(p.name)' in <\(section.name)>\(hint)", at: p.location))
        }
        for ps in spec.params where ps.required {
            guard !section.params.contains(where: { ps.name.matches($0.name) }) else { continue }
            switch ps.name {
            case .exact(let name):
                out.append(.error("missing required parameter '\(name)' in <\(section.name)>", at: section.location))
            case .numbered(let prefix, let range):
                out.append(.error("<\(section.name)> needs at least one of \(prefix)\(range.lowerBound)…\(prefix)\(range.upperBound)", at: section.location))
            }
        }
    }

    /// For `format21` when `format1…format20` is declared: says which numbers are accepted.
    private static func familyHint(_ key: String, spec: SectionSpec) -> String? {
        for ps in spec.params {
            guard case .numbered(let prefix, let range) = ps.name, key.hasPrefix(prefix) else { continue }
            let rest = key.dropFirst(prefix.count)
            if !rest.isEmpty, rest.allSatisfy({ $0.isASCII && $0.isNumber }) {
                return " (\(prefix)\(range.lowerBound)…\(prefix)\(range.upperBound) are accepted)"
            }
        }
        return nil
    }
}
