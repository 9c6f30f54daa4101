/// One template of a ``TemplateMiner`` as exported for storage: everything needed to put it back
/// in the prefix tree exactly where it was (see ``TemplateMinerState``).
public struct StoredTemplate: Sendable, Hashable, Codable {
    /// The template's own id (unique, and never reused within a miner's life).
    public var id: Int
    /// The id reported for it: its own, or that of the template it is a variant of.
    public var groupID: Int
    /// Its tokens as the miner holds them (patterns in their matching form, e.g. `sda<*>`).
    public var tokens: [String]
    /// Messages assigned to it.
    public var count: Int
    /// Sequence number of the message that created it.
    public var firstSequence: Int
    /// Sequence number of the last message assigned to it (orders the least-recently-used list).
    public var lastSequence: Int
    /// The path from the tree's root to its leaf: the token count, then one key per level
    /// (`nil` for the wildcard branch). A template's leaf follows the message that created it, not
    /// its current tokens, so it is stored.
    public var route: [Int?]
    /// Its place among the templates of its leaf (compared in that order).
    public var leafRank: Int

    public init(
        id: Int, groupID: Int, tokens: [String], count: Int, firstSequence: Int, lastSequence: Int, route: [Int?],
        leafRank: Int
    ) {
        self.id = id
        self.groupID = groupID
        self.tokens = tokens
        self.count = count
        self.firstSequence = firstSequence
        self.lastSequence = lastSequence
        self.route = route
        self.leafRank = leafRank
    }

    /// The template text as ``TemplateInfo/template`` shows it (patterns in canonical form).
    public var text: String {
        tokens.map { $0 == TokenMasker.wildcard || WildcardPattern($0) == nil ? $0 : TokenMasker.canonical($0) }.joined(separator: " ")
    }
}
