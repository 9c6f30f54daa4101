/// fluent-plugin-systemd's `<entry>` options applied to one entry's fields.
///
/// 1. `field_map` destinations are filled first: each destination gets the values of its source
///    fields present in the entry, joined with a space (sources in name order).
/// 2. With `field_map_strict`, that is all. Otherwise every field that is not a `field_map`
///    source is added under its name, with leading underscores stripped and/or lower-cased when
///    asked (a name that would become empty is kept as is). When such a name equals a
///    destination, the values are joined (the unmapped value first); when two unmapped names
///    collide, the one whose original name sorts last wins (`_PID` over `PID`).
/// 3. `MESSAGE` becomes a field only when `field_map` names it: it is already the line's text.
struct JournalFieldMapper: Sendable {
    /// Destination → its source fields, in name order.
    private let destinations: [(name: String, sources: [String])]
    private let mappedSources: Set<String>
    private let strict: Bool
    private let stripUnderscores: Bool
    private let lowercase: Bool

    init(fieldMap: [String: [String]], strict: Bool, stripUnderscores: Bool, lowercase: Bool) {
        var inverse: [String: [String]] = [:]
        for (source, targets) in fieldMap {
            for t in Set(targets) { inverse[t, default: []].append(source) }
        }
        destinations = inverse.keys.sorted().map { ($0, inverse[$0]!.sorted()) }
        mappedSources = Set(fieldMap.keys)
        self.strict = strict
        self.stripUnderscores = stripUnderscores
        self.lowercase = lowercase
    }

    init(config: JournalConfig) {
        self.init(
            fieldMap: config.fieldMap, strict: config.fieldMapStrict,
            stripUnderscores: config.fieldsStripUnderscores, lowercase: config.fieldsLowercase)
    }

    /// Whether the mapping leaves fields as they are (the common case: no work per entry).
    var isIdentity: Bool { destinations.isEmpty && !stripUnderscores && !lowercase }

    /// The record's fields for an entry's `fields` (name → decoded value).
    func map(_ fields: [String: String]) -> [String: String] {
        if isIdentity {
            var out = fields
            out.removeValue(forKey: "MESSAGE")
            return out
        }
        var out: [String: String] = [:]
        for d in destinations {
            var joined: String?
            for s in d.sources {
                guard let v = fields[s] else { continue }
                joined = joined.map { $0 + " " + v } ?? v
            }
            if let joined { out[d.name] = joined }
        }
        if strict { return out }
        let mapped = out
        for name in fields.keys.sorted() where name != "MESSAGE" && !mappedSources.contains(name) {
            let value = fields[name]!
            let formatted = format(name)
            out[formatted] = mapped[formatted].map { value + " " + $0 } ?? value
        }
        return out
    }

    /// A field name after `fields_strip_underscores` / `fields_lowercase`.
    func format(_ name: String) -> String {
        var n = Substring(name)
        if stripUnderscores {
            let stripped = n.drop(while: { $0 == "_" })
            if !stripped.isEmpty { n = stripped }
        }
        return lowercase ? n.lowercased() : String(n)
    }
}
