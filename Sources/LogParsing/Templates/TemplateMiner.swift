/// A streaming, Drain-like log template miner with bounded memory.
///
/// Each message is cut into whitespace-separated tokens, its values are masked (see
/// ``TemplateMinerConfig/masking``), and it is routed through a prefix tree keyed by token count and
/// leading tokens to a leaf of at most ``TemplateMinerConfig/maxClustersPerLeaf`` templates. It
/// joins the most similar one when at least ``TemplateMinerConfig/similarityThreshold`` of the
/// tokens agree, widening differing tokens to `<*>`; otherwise it starts a new template.
/// At most ``TemplateMinerConfig/maxTemplates`` templates are kept: the least recently used one is
/// evicted first, and every eviction is counted.
public struct TemplateMiner: Sendable {
    /// The settings in force.
    public let config: TemplateMinerConfig
    var tree: PrefixTree
    var slots: [MinerCluster?] = []
    var freeSlots: [Int] = []
    /// Most and least recently used slots.
    var newest = PrefixTree.none
    var oldest = PrefixTree.none
    var nextID = 1
    /// Messages added so far.
    public private(set) var messages = 0
    /// Templates evicted so far, by the template limit or a full leaf.
    public internal(set) var evictions = 0
    /// Templates held now.
    public internal(set) var count = 0

    /// Creates an empty miner.
    public init(config: TemplateMinerConfig = TemplateMinerConfig()) {
        self.config = config
        self.tree = PrefixTree(depth: config.depth, maxChildren: config.maxChildren)
    }

    /// Assigns `message` to a template, learning from it: the template may widen, or a new one
    /// may be created (evicting the least recently used one at the limit).
    public mutating func add(_ message: String) -> TemplateMatch {
        messages += 1
        let tokens = MessageTokens(message, maxTokens: config.maxTokens, masking: config.masking)
        if let leaf = tree.findLeaf(tokens), let slot = bestSlot(in: leaf, for: tokens) {
            slots[slot]!.count += 1
            slots[slot]!.lastSequence = messages
            _ = slots[slot]!.absorb(tokens)
            touch(slot)
            tree.promote(slot: slot, in: leaf)
            let cluster = slots[slot]!
            return TemplateMatch(
                id: cluster.id, template: cluster.template, params: cluster.params(of: tokens), isNew: false)
        }
        let slot = insert(tokens)
        let cluster = slots[slot]!
        return TemplateMatch(
            id: cluster.id, template: cluster.template, params: cluster.params(of: tokens), isNew: true)
    }

    /// The template `message` would join, without learning from it; `nil` when none is similar enough.
    public func match(_ message: String) -> TemplateMatch? {
        let tokens = MessageTokens(message, maxTokens: config.maxTokens, masking: config.masking)
        guard let leaf = tree.findLeaf(tokens), let slot = bestSlot(in: leaf, for: tokens) else { return nil }
        let cluster = slots[slot]!
        return TemplateMatch(
            id: cluster.id, template: cluster.template, params: cluster.params(of: tokens), isNew: false)
    }

    /// The live templates, in id order.
    public var templates: [TemplateInfo] {
        slots.compactMap { cluster in
            cluster.map {
                TemplateInfo(
                    id: $0.id, template: $0.template, count: $0.count, firstSequence: $0.firstSequence,
                    lastSequence: $0.lastSequence)
            }
        }.sorted { $0.id < $1.id }
    }

    /// The most similar template in `leaf` that reaches the threshold; ties go to the template
    /// with more wildcards, as in Drain.
    private func bestSlot(in leaf: Int, for tokens: MessageTokens) -> Int? {
        let n = tokens.count
        guard n > 0 else { return tree.slots(at: leaf).first }
        let needed = Int((config.similarityThreshold * Double(n)).rounded(.up))
        var best = PrefixTree.none
        var bestEqual = -1
        var bestParams = -1
        for slot in tree.slots(at: leaf) {
            guard let cluster = slots[slot] else { continue }
            let floor = max(needed, bestEqual)
            guard let score = cluster.similarity(
                    to: tokens, allowedMisses: n - floor, frozen: cluster.count >= config.freezeAfter) else { continue }
            if score.equal < needed { continue }
            if score.equal > bestEqual || (score.equal == bestEqual && score.params > bestParams) {
                best = slot
                bestEqual = score.equal
                bestParams = score.params
            }
        }
        return best == PrefixTree.none ? nil : best
    }
}
