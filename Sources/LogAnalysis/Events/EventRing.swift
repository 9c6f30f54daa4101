/// The latest raw events of one source under a byte budget: appending beyond the budget evicts the
/// oldest events, and every eviction is counted.
public struct EventRing: Sendable {
    /// Events, oldest first from `head`.
    private var storage: [RecentEvent] = []
    private var head = 0
    /// Most bytes held (texts plus `RecentEvent.overhead` each).
    public private(set) var budget: Int
    /// Bytes held now (never above `budget`).
    public private(set) var bytes = 0
    /// Events dropped to stay within the budget (those too large to fit at all included).
    public private(set) var evictedCount = 0

    /// Creates an empty ring holding at most `budget` bytes (negative counts as 0).
    public init(budget: Int) {
        self.budget = max(0, budget)
    }

    /// Events held.
    public var count: Int { storage.count - head }

    /// Appends `event`, evicting the oldest events until it fits; an event larger than the whole
    /// budget is not kept (and counted as evicted).
    public mutating func append(_ event: RecentEvent) {
        let cost = event.cost
        guard cost <= budget else {
            evictedCount += 1
            return
        }
        while bytes + cost > budget { dropOldest() }
        storage.append(event)
        bytes += cost
    }

    /// Changes the budget, evicting the oldest events when it shrank.
    public mutating func setBudget(_ newBudget: Int) {
        budget = max(0, newBudget)
        while bytes > budget { dropOldest() }
    }

    /// Up to `limit` of the latest events for which `include` holds, oldest first.
    public func latest(_ limit: Int, where include: (RecentEvent) -> Bool = { _ in true }) -> [RecentEvent] {
        var out: [RecentEvent] = []
        var i = storage.count - 1
        while i >= head, out.count < limit {
            if include(storage[i]) { out.append(storage[i]) }
            i -= 1
        }
        return out.reversed()
    }

    /// All events held, oldest first.
    public var events: ArraySlice<RecentEvent> { storage[head...] }

    private mutating func dropOldest() {
        guard head < storage.count else {
            bytes = 0
            return
        }
        bytes -= storage[head].cost
        head += 1
        evictedCount += 1
        // Compact once the dropped prefix is as long as what is held: amortized O(1) per event.
        if head >= 64 && head * 2 >= storage.count {
            storage.removeFirst(head)
            head = 0
        }
    }
}
