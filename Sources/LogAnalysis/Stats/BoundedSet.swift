/// A set with a fixed capacity that forgets its oldest member when full; forgotten members are counted.
public struct BoundedSet<Element: Hashable & Sendable>: Sendable {
    private var members: Set<Element> = []
    private var order: RingBuffer<Element>

    /// Creates an empty set holding at most `capacity` members (at least 1).
    public init(capacity: Int) {
        order = RingBuffer(capacity: capacity)
    }

    public var count: Int { members.count }
    /// Members forgotten because the set was full.
    public var evictedCount: Int { order.overwrittenCount }

    public func contains(_ element: Element) -> Bool { members.contains(element) }

    /// Inserts `element`; when full, the oldest member is forgotten first.
    public mutating func insert(_ element: Element) {
        guard !members.contains(element) else { return }
        if let dropped = order.append(element) { members.remove(dropped) }
        members.insert(element)
    }
}
