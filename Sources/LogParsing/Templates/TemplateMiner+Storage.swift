extension TemplateMiner {
    /// Creates a template for `tokens`, evicting first when the template limit or the leaf's
    /// limit is reached.
    mutating func insert(_ tokens: MessageTokens) -> Int {
        let leaf = tree.leafForInsert(tokens)
        let resident = tree.slots(at: leaf)
        if resident.count >= config.maxClustersPerLeaf,
            let victim = resident.min(by: { slots[$0]!.lastSequence < slots[$1]!.lastSequence })
        {
            evict(victim)
        }
        if count >= config.maxTemplates, oldest != PrefixTree.none {
            evict(oldest)
        }
        // Eviction may have pruned the leaf's path; walk it again.
        let target = tree.leafForInsert(tokens)
        let cluster = MinerCluster(id: nextID, tokens: tokens, sequence: messages, leaf: target)
        nextID += 1
        let slot: Int
        if let reused = freeSlots.popLast() {
            slots[reused] = cluster
            slot = reused
        } else {
            slots.append(cluster)
            slot = slots.count - 1
        }
        tree.add(slot: slot, to: target)
        count += 1
        linkAsNewest(slot)
        return slot
    }

    /// Marks `slot` as the most recently used template.
    mutating func touch(_ slot: Int) {
        guard newest != slot else { return }
        unlink(slot)
        linkAsNewest(slot)
    }

    private mutating func evict(_ slot: Int) {
        guard let cluster = slots[slot] else { return }
        unlink(slot)
        tree.remove(slot: slot, from: cluster.leaf)
        slots[slot] = nil
        freeSlots.append(slot)
        count -= 1
        evictions += 1
    }

    private mutating func linkAsNewest(_ slot: Int) {
        slots[slot]!.older = newest
        slots[slot]!.newer = PrefixTree.none
        if newest != PrefixTree.none { slots[newest]!.newer = slot }
        newest = slot
        if oldest == PrefixTree.none { oldest = slot }
    }

    private mutating func unlink(_ slot: Int) {
        let older = slots[slot]!.older
        let newer = slots[slot]!.newer
        if older != PrefixTree.none { slots[older]!.newer = newer } else { oldest = newer }
        if newer != PrefixTree.none { slots[newer]!.older = older } else { newest = older }
        slots[slot]!.older = PrefixTree.none
        slots[slot]!.newer = PrefixTree.none
    }
}
