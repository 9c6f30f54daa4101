extension TemplateMiner {
    /// What the miner learned, to store it and build an identical miner later with
    /// ``init(config:restoring:)``. Costs one pass over the templates.
    public func exportState() -> TemplateMinerState {
        var stored: [StoredTemplate] = []
        stored.reserveCapacity(count)
        for slot in slots.indices {
            guard let cluster = slots[slot] else { continue }
            stored.append(StoredTemplate(
                id: cluster.id, groupID: cluster.groupID, tokens: cluster.tokens, count: uses[slot],
                firstSequence: cluster.firstSequence, lastSequence: lastSequence[slot], route: tree.route(to: cluster.leaf),
                leafRank: tree.slots(at: cluster.leaf).firstIndex(of: slot) ?? 0))
        }
        return TemplateMinerState(templates: stored, nextID: nextID)
    }

    /// A miner that continues from `state`: the same templates with their ids, counts and places in
    /// the prefix tree, so it mines the next messages as the miner that exported it would. At most
    /// ``TemplateMinerConfig/maxTemplates`` templates (and ``TemplateMinerConfig/maxClustersPerLeaf``
    /// per leaf) are taken, the most recently used first; the others count as evictions. New
    /// templates get ids from the state's ``TemplateMinerState/nextID`` and always after the highest
    /// stored id, so no id is given to two templates. Throws ``TemplateStateError`` when a stored
    /// template is damaged or does not fit `config` (another depth or token limit).
    public init(config: TemplateMinerConfig = TemplateMinerConfig(), restoring state: TemplateMinerState) throws {
        self.init(config: config)
        var seen = Set<Int>()
        for t in state.templates {
            try Self.validate(t, config: config)
            guard seen.insert(t.id).inserted else { throw TemplateStateError(id: t.id, reason: "id stored twice") }
        }
        let kept = keep(state.templates.sorted { ($0.lastSequence, $0.id) > ($1.lastSequence, $1.id) })
        for t in kept.sorted(by: { ($0.leafRank, $0.lastSequence) < ($1.leafRank, $1.lastSequence) }) {
            guard let leaf = tree.leaf(atRoute: t.route) else { throw TemplateStateError(id: t.id, reason: "invalid route") }
            slots.append(MinerCluster(stored: t, leaf: leaf))
            uses.append(t.count)
            lastSequence.append(t.lastSequence)
            newer.append(PrefixTree.none)
            older.append(PrefixTree.none)
            tree.add(slot: slots.count - 1, to: leaf)
        }
        for slot in slots.indices.sorted(by: { lastSequence[$0] < lastSequence[$1] }) { linkAsNewest(slot) }
        count = slots.count
        messages = lastSequence.max() ?? 0
        nextID = max(state.nextID, (state.templates.map(\.id).max() ?? 0) + 1)
    }

    /// The templates to restore from `byRecency` (most recently used first) within the template and
    /// leaf limits; counts the others as evictions.
    private mutating func keep(_ byRecency: [StoredTemplate]) -> [StoredTemplate] {
        var perLeaf: [[Int?]: Int] = [:]
        var kept: [StoredTemplate] = []
        for t in byRecency {
            guard kept.count < config.maxTemplates, perLeaf[t.route, default: 0] < config.maxClustersPerLeaf else {
                evictions += 1
                continue
            }
            perLeaf[t.route, default: 0] += 1
            kept.append(t)
        }
        return kept
    }

    private static func validate(_ t: StoredTemplate, config: TemplateMinerConfig) throws {
        func fail(_ reason: String) -> TemplateStateError { TemplateStateError(id: t.id, reason: reason) }
        guard t.id > 0, t.groupID > 0 else { throw fail("ids must be positive") }
        guard t.count > 0, t.firstSequence > 0, t.lastSequence >= t.firstSequence else {
            throw fail("count and sequence numbers out of range")
        }
        guard t.tokens.count <= config.maxTokens else { throw fail("\(t.tokens.count) tokens, more than max_tokens \(config.maxTokens)") }
        guard t.tokens.allSatisfy({ !$0.isEmpty && !$0.utf8.contains(where: { $0 == 0x20 || (0x09...0x0D).contains($0) }) }) else {
            throw fail("empty token or token with whitespace")
        }
        guard t.route.count == min(config.depth, t.tokens.count) + 1, t.route.first == t.tokens.count else {
            throw fail("route does not fit \(t.tokens.count) tokens at depth \(config.depth)")
        }
        guard t.leafRank >= 0 else { throw fail("negative leaf rank") }
    }
}
