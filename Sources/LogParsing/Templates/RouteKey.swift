/// The key of a child in ``PrefixTree``: a token count (first level) or a token's 64-bit hash
/// (``TokenHash``). Token hashes are already well mixed, so the key hashes itself with one
/// multiply and the table's seed instead of running the standard library's SipHash over it: the
/// tree is searched for every message, a few levels deep.
struct RouteKey: Hashable, Sendable {
    let value: Int

    init(_ value: Int) { self.value = value }

    static func == (a: RouteKey, b: RouteKey) -> Bool { a.value == b.value }

    func hash(into hasher: inout Hasher) { hasher.combine(value) }

    /// Dictionary's hashing entry point; see the type's documentation.
    func _rawHashValue(seed: Int) -> Int {
        let mixed = UInt64(bitPattern: Int64(value ^ seed)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed ^ (mixed >> 29))
    }
}
