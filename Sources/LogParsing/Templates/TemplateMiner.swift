/// A streaming, Drain-like log template miner with bounded memory.
///
/// Each message is cut into whitespace-separated tokens, its values are masked (see
/// ``TemplateMinerConfig/masking``), and it is routed through a prefix tree keyed by token count and
/// leading tokens to a leaf of at most ``TemplateMinerConfig/maxClustersPerLeaf`` templates. It
/// joins the most similar one when at least ``TemplateMinerConfig/similarityThreshold`` of the
/// tokens agree, widening differing tokens to `<*>`. A message that finds no template in its leaf
/// may still join one on another path when it differs from it only in leading compound names
/// (`com.apple.A:` / `com.apple.B:`). Otherwise it starts a new template, which keeps the id of a
/// template of another length when the two differ only in a group of values present in one of them
/// (``TemplateMinerConfig/maxVariantTokens``, ``TokenAlignment``): such variants share one id and
/// are listed once in ``templates``.
///
/// Cutting and masking work on the message's UTF-8 bytes in a buffer the miner reuses, tokens are
/// compared by 64-bit hashes, and a template's text is rebuilt only when it widens, so a message
/// that joins an existing template costs one pass over its bytes plus the parameter strings.
/// At most ``TemplateMinerConfig/maxTemplates`` templates are kept: the least recently used one is
/// evicted first, and every eviction is counted.
public struct TemplateMiner: Sendable {
    /// The settings in force.
    public let config: TemplateMinerConfig
    var tree: PrefixTree
    var slots: [MinerCluster?] = []
    /// Per slot: messages assigned, sequence number of the last one, and the neighbours in the
    /// least-recently-used list.
    var uses: [Int] = []
    var lastSequence: [Int] = []
    var newer: [Int] = []
    var older: [Int] = []
    var freeSlots: [Int] = []
    /// Most and least recently used slots.
    var newest = PrefixTree.none
    var oldest = PrefixTree.none
    var nextID = 1
    /// Reused for every message so that cutting one allocates nothing.
    var scratch = MessageTokens()
    /// Messages added so far.
    public internal(set) var messages = 0
    /// Templates evicted so far, by the template limit or a full leaf.
    public internal(set) var evictions = 0
    /// Searches for a new message's template that stopped at ``TemplateMinerConfig/maxSearchSlots``.
    public internal(set) var searchesCut = 0
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
        var tokens = scratch
        scratch = MessageTokens()
        tokens.fill(message, maxTokens: config.maxTokens, masking: config.masking)
        defer { scratch = tokens }
        if let leaf = tree.findLeaf(tokens), let (slot, misses) = bestSlot(in: leaf, for: tokens) {
            uses[slot] += 1
            lastSequence[slot] = messages
            if misses > 0 { _ = slots[slot]!.absorb(tokens) }
            touch(slot)
            tree.promote(slot: slot, in: leaf)
            return match(slot, tokens, isNew: false)
        }
        var budget = config.maxSearchSlots
        defer { if budget <= 0 { searchesCut += 1 } }
        if let slot = slotDifferingInRoute(tokens, budget: &budget) {
            uses[slot] += 1
            lastSequence[slot] = messages
            _ = slots[slot]!.absorb(tokens)
            reroute(slot)
            touch(slot)
            return match(slot, tokens, isNew: false)
        }
        let group = slotOfVariant(tokens, budget: &budget).map { slots[$0]!.groupID }
        let slot = insert(tokens)
        guard let group else { return match(slot, tokens, isNew: true) }
        slots[slot]!.groupID = group
        return match(slot, tokens, isNew: false)
    }

    /// The most used template of another length (by at most ``TemplateMinerConfig/maxVariantTokens``
    /// tokens) of which `tokens` is a variant. Searched only when a message starts a new template.
    private func slotOfVariant(_ tokens: MessageTokens, budget: inout Int) -> Int? {
        let n = tokens.count
        let spread = config.maxVariantTokens
        guard spread > 0, n > 0, n <= TokenAlignment.maxTokens else { return nil }
        var best: Int?
        var bestUses = 0
        for length in max(1, n - spread)...(n + spread) where length != n && budget > 0 {
            let needed = max(2, Int((config.similarityThreshold * Double(min(n, length))).rounded(.up)))
            tree.visitLeaves(count: length, firstToken: tokens.hash(0), variable: tokens.tokens[0].variable) { leaf in
                for slot in tree.slots(at: leaf) where uses[slot] > bestUses {
                    guard budget > 0 else { return false }
                    budget -= 1
                    guard let cluster = slots[slot], cluster.hashes[0] == tokens.hash(0),
                        TokenAlignment(cluster, tokens).isVariant(needed: needed)
                    else { continue }
                    best = slot
                    bestUses = uses[slot]
                }
                return true
            }
        }
        return best
    }

    /// A template that `tokens` fits in every position but the leading ones the tree routes by, so
    /// that a message whose first tokens vary (`com.apple.A: …`, `com.apple.B: …`) still joins the
    /// template of its kind. Only the leaves of other paths are searched, and only when the
    /// message's own leaf had no match (a new template in the making), so it costs nothing per
    /// matched message.
    private func slotDifferingInRoute(_ tokens: MessageTokens, budget: inout Int) -> Int? {
        let n = tokens.count
        guard n > config.depth, config.depth > 0 else { return nil }
        let needed = Int((config.similarityThreshold * Double(n)).rounded(.up))
        var best: Int?
        var bestUses = 0
        tree.visitLeaves(count: n, excluding: tree.findLeaf(tokens)) { leaf in
            for slot in tree.slots(at: leaf) {
                guard budget > 0 else { return false }
                budget -= 1
                guard let cluster = slots[slot], cluster.fitsBeyond(config.depth, tokens, needed: needed) else { continue }
                if best == nil || uses[slot] > bestUses {
                    best = slot
                    bestUses = uses[slot]
                }
            }
            return true
        }
        return best
    }

    /// Moves a template whose leading tokens widened to the leaf its tokens now route to.
    private mutating func reroute(_ slot: Int) {
        guard let cluster = slots[slot] else { return }
        let route: (Int) -> (hash: UInt64, variable: Bool) = { (cluster.hashes[$0], cluster.isVariable($0)) }
        var target = tree.leafForInsert(count: cluster.hashes.count, route: route)
        guard target != cluster.leaf else { return }
        let resident = tree.slots(at: target)
        if resident.count >= config.maxClustersPerLeaf,
            let victim = resident.min(by: { lastSequence[$0] < lastSequence[$1] })
        {
            evict(victim)
            // Eviction may have pruned the target's path; walk it again.
            target = tree.leafForInsert(count: cluster.hashes.count, route: route)
        }
        tree.add(slot: slot, to: target)
        tree.remove(slot: slot, from: cluster.leaf)
        slots[slot]!.leaf = target
    }

    /// The template `message` would join, without learning from it; `nil` when none is similar enough.
    public func match(_ message: String) -> TemplateMatch? {
        let tokens = MessageTokens(message, maxTokens: config.maxTokens, masking: config.masking)
        if let leaf = tree.findLeaf(tokens), let (slot, _) = bestSlot(in: leaf, for: tokens) {
            return match(slot, tokens, isNew: false)
        }
        var budget = config.maxSearchSlots
        if let slot = slotDifferingInRoute(tokens, budget: &budget) { return match(slot, tokens, isNew: false) }
        return slotOfVariant(tokens, budget: &budget).map { slot in
            TemplateMatch(
                id: slots[slot]!.groupID, template: slots[slot]!.template,
                params: tokens.tokens.indices.filter { tokens.tokens[$0].variable }.map { tokens.raw($0) }, isNew: false)
        }
    }

    private func match(_ slot: Int, _ tokens: MessageTokens, isNew: Bool) -> TemplateMatch {
        TemplateMatch(
            id: slots[slot]!.groupID, template: slots[slot]!.template,
            params: MinerCluster.params(of: tokens, kinds: slots[slot]!.kinds, patterns: slots[slot]!.paramPatterns),
            paramNames: slots[slot]!.paramNames, isNew: isNew)
    }

    /// The live templates, in id order. Variants of one template (see ``add(_:)``) are listed once,
    /// with their counts summed and the text of the most used one (of the oldest on a tie).
    public var templates: [TemplateInfo] {
        var byID: [Int: (info: TemplateInfo, uses: Int, ownID: Int)] = [:]
        for slot in slots.indices {
            guard let cluster = slots[slot] else { continue }
            let own = TemplateInfo(
                id: cluster.groupID, template: cluster.template, count: uses[slot],
                firstSequence: cluster.firstSequence, lastSequence: lastSequence[slot])
            guard var entry = byID[cluster.groupID] else {
                byID[cluster.groupID] = (own, uses[slot], cluster.id)
                continue
            }
            if uses[slot] > entry.uses || (uses[slot] == entry.uses && cluster.id < entry.ownID) {
                entry.info.template = own.template
                entry.uses = uses[slot]
                entry.ownID = cluster.id
            }
            entry.info.count += own.count
            entry.info.firstSequence = min(entry.info.firstSequence, own.firstSequence)
            entry.info.lastSequence = max(entry.info.lastSequence, own.lastSequence)
            byID[cluster.groupID] = entry
        }
        return byID.values.map(\.info).sorted { $0.id < $1.id }
    }

    /// The most similar template in `leaf` that reaches the threshold, and the positions at which
    /// it must widen to take the message; ties go to the template with more wildcards, as in Drain.
    /// A message that fits the template everywhere (no literal differs) also counts the tokens
    /// that fit a pattern (`L<*>`, `node-<*>`) or are a renumbered name (`L8` for `L2`) as shared,
    /// since their literal text matched; a bare `<*>` never counts. So a template whose numbered
    /// names widened (`L<*> cache: <*>`) keeps taking its messages, while names and patterns do not
    /// help a message that differs elsewhere reach the threshold, and a template widened to mostly
    /// bare wildcards does not swallow every message of its length.
    private func bestSlot(in leaf: Int, for tokens: MessageTokens) -> (slot: Int, misses: Int)? {
        let n = tokens.count
        guard n > 0 else { return tree.slots(at: leaf).first.map { ($0, 0) } }
        let needed = Int((config.similarityThreshold * Double(n)).rounded(.up))
        var best = PrefixTree.none
        var bestEqual = -1
        var bestParams = -1
        var bestMisses = 0
        let freezeAfter = config.freezeAfter
        slots.withUnsafeBufferPointer { clusters in
            tree.withSlots(at: leaf) { leafSlots in
            for slot in leafSlots {
                guard let cluster = clusters[slot] else { continue }
                let floor = max(needed, bestEqual)
                guard
                    let score = cluster.similarity(
                        to: tokens, allowedMisses: n - floor, frozen: uses[slot] >= freezeAfter),
                    score.equal >= needed
                        || (score.misses == 0 && score.equal + score.renamed + score.patternFits >= needed)
                else { continue }
                let shared = score.misses == 0 ? score.equal + score.renamed + score.patternFits : score.equal
                if shared > bestEqual || (shared == bestEqual && score.params > bestParams) {
                    best = slot
                    bestEqual = shared
                    bestParams = score.params
                    bestMisses = score.misses + score.renamed
                }
            }
            }
        }
        return best == PrefixTree.none ? nil : (best, bestMisses)
    }
}
