/// A set that remembers at most `limit` members, forgetting the oldest first.
///
/// Used for "warn once" and "skip this file" memories, where forgetting only means a
/// repeated log line or one more check; ``evictions`` counts what was forgotten.
struct RecentSet<Element: Hashable> {
    let limit: Int
    private var members: Set<Element> = []
    private var order: [Element] = []
    private var head = 0
    private(set) var evictions = 0

    init(limit: Int) { self.limit = max(1, limit) }

    func contains(_ e: Element) -> Bool { members.contains(e) }

    /// Inserts `e`; returns true if it was not already present.
    @discardableResult
    mutating func insert(_ e: Element) -> Bool {
        guard members.insert(e).inserted else { return false }
        order.append(e)
        if members.count > limit {
            while head < order.count {
                let old = order[head]
                head += 1
                if members.remove(old) != nil {
                    evictions += 1
                    break
                }
            }
        }
        if head > limit {
            order.removeFirst(head)
            head = 0
        }
        return true
    }

    mutating func remove(_ e: Element) {
        // The stale entry left in `order` is skipped at eviction time.
        members.remove(e)
        if order.count - head > 2 * limit {
            order = order[head...].filter { members.contains($0) }
            head = 0
        }
    }
}
