extension TemplateMiner {
    /// Creates a template for `tokens`, evicting first when the template limit or the leaf's
    /// limit is reached.
    mutating func insert(_ tokens: MessageTokens) -> Int {
        let leaf = tree.leafForInsert(tokens)
        let resident = tree.slots(at: leaf)
        if resident.count >= config.maxClustersPerLeaf,
            let victim = resident.min(by: { lastSequence[$0] < lastSequence[$1] })
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
            uses.append(0)
            lastSequence.append(0)
            newer.append(PrefixTree.none)
            older.append(PrefixTree.none)
            slot = slots.count - 1
        }
        uses[slot] = 1
        lastSequence[slot] = messages
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

    /// Removes the template in `slot`, counting the eviction.
    mutating func evict(_ slot: Int) {
        guard let cluster = slots[slot] else { return }
        unlink(slot)
        tree.remove(slot: slot, from: cluster.leaf)
        slots[slot] = nil
        freeSlots.append(slot)
        count -= 1
        evictions += 1
    }

    mutating func linkAsNewest(_ slot: Int) {
        older[slot] = newest
        newer[slot] = PrefixTree.none
        if newest != PrefixTree.none { newer[newest] = slot }
        newest = slot
        if oldest == PrefixTree.none { oldest = slot }
    }

    private mutating func unlink(_ slot: Int) {
        let before = older[slot]
        let after = newer[slot]
        if before != PrefixTree.none { newer[before] = after } else { oldest = after }
        if after != PrefixTree.none { older[after] = before } else { newest = before }
        older[slot] = PrefixTree.none
        newer[slot] = PrefixTree.none
    }
}
