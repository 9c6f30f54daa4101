/// Field dictionaries over a fixed list of keys (at most `maxKeys`), one per combination of present
/// keys, built once. `make` copies the one for a line's keys and sets its values by position: a
/// line's fields cost one allocation and a copy, and no hashing.
///
/// Dictionary indices stay valid in copies of a dictionary that has not been mutated, so the
/// prototypes' indices address the copy's slots.
struct FieldPrototypes: Sendable {
    /// At most `1 << maxKeys` prototypes are built.
    static let maxKeys = 6

    /// `prototypes[mask]`: the keys whose bit is set in `mask`, each with an empty value.
    private let prototypes: [[String: String]]
    /// `slots[mask][k]`: the index of key `k` in `prototypes[mask]` (for keys in `mask`).
    private let slots: [[Dictionary<String, String>.Index?]]

    /// - Parameter extraCapacity: room left in every dictionary for keys the caller inserts itself.
    /// - Precondition: `keys` are distinct and at most `maxKeys`.
    init(_ keys: [String], extraCapacity: Int = 0) {
        precondition(keys.count <= Self.maxKeys && Set(keys).count == keys.count)
        var prototypes: [[String: String]] = []
        var slots: [[Dictionary<String, String>.Index?]] = []
        for mask in 0..<(1 << keys.count) {
            var fields = [String: String](minimumCapacity: mask.nonzeroBitCount + extraCapacity)
            for (k, key) in keys.enumerated() where mask & (1 << k) != 0 { fields[key] = "" }
            prototypes.append(fields)
            slots.append(keys.map { fields.index(forKey: $0) })
        }
        self.prototypes = prototypes
        self.slots = slots
    }

    /// The dictionary holding the keys whose bit is set in `mask`, key `k` with the value `value(k)`
    /// (the empty dictionary's storage for mask 0 without `extraCapacity`: no allocation).
    @inline(__always)
    func make(_ mask: Int, _ value: (Int) -> String) -> [String: String] {
        var fields = prototypes[mask]
        let positions = slots[mask]
        var rest = mask
        while rest != 0 {
            let k = rest.trailingZeroBitCount
            rest &= rest - 1
            fields.values[positions[k]!] = value(k)
        }
        return fields
    }
}
