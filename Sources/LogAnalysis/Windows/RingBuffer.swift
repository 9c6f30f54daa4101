/// A fixed-capacity FIFO buffer that overwrites its oldest element when full.
///
/// Index 0 is the oldest element, `count - 1` the newest. Appending to a full buffer drops the oldest
/// element and counts it in `overwrittenCount`, so callers can report how much history was lost.
public struct RingBuffer<Element> {
    private var storage: [Element] = []
    /// Position in `storage` of the oldest element once the buffer has wrapped.
    private var head = 0
    /// Most elements the buffer holds (at least 1).
    public let capacity: Int
    /// Elements dropped because the buffer was full when a new one was appended.
    public private(set) var overwrittenCount = 0

    /// Creates an empty buffer; a capacity below 1 is raised to 1.
    public init(capacity: Int) {
        self.capacity = Swift.max(1, capacity)
        storage.reserveCapacity(Swift.min(self.capacity, 4096))
    }

    /// Number of elements held.
    public var count: Int { storage.count }
    public var isEmpty: Bool { storage.isEmpty }
    public var isFull: Bool { storage.count == capacity }

    /// Appends `element`, returning the element it overwrote when the buffer was full.
    @discardableResult
    public mutating func append(_ element: Element) -> Element? {
        if storage.count < capacity {
            storage.append(element)
            return nil
        }
        let old = storage[head]
        storage[head] = element
        head = (head + 1) % capacity
        overwrittenCount += 1
        return old
    }

    /// Element at `index`, where 0 is the oldest. Traps on an out-of-range index like `Array`.
    public subscript(index: Int) -> Element {
        get {
            precondition(index >= 0 && index < storage.count, "RingBuffer index \(index) out of range 0..<\(storage.count)")
            return storage[(head + index) % storage.count]
        }
        set {
            precondition(index >= 0 && index < storage.count, "RingBuffer index \(index) out of range 0..<\(storage.count)")
            storage[(head + index) % storage.count] = newValue
        }
    }

    /// The oldest element.
    public var first: Element? { isEmpty ? nil : self[0] }
    /// The newest element.
    public var last: Element? { isEmpty ? nil : self[storage.count - 1] }

    /// Replaces the newest element; does nothing when empty.
    public mutating func updateLast(_ body: (inout Element) -> Void) {
        guard !storage.isEmpty else { return }
        body(&self[storage.count - 1])
    }

    /// Removes every element; `overwrittenCount` is kept.
    public mutating func removeAll() {
        storage.removeAll(keepingCapacity: true)
        head = 0
    }
}

extension RingBuffer: Sequence {
    /// Iterates from the oldest to the newest element.
    public struct Iterator: IteratorProtocol {
        let buffer: RingBuffer
        var position = 0
        public mutating func next() -> Element? {
            guard position < buffer.count else { return nil }
            defer { position += 1 }
            return buffer[position]
        }
    }

    public func makeIterator() -> Iterator { Iterator(buffer: self) }
    public var underestimatedCount: Int { count }
}

extension RingBuffer: Sendable where Element: Sendable {}
extension RingBuffer: Equatable where Element: Equatable {
    /// Equal when both hold the same elements in the same order and have the same capacity.
    public static func == (a: RingBuffer, b: RingBuffer) -> Bool {
        a.capacity == b.capacity && a.count == b.count && a.elementsEqual(b)
    }
}
