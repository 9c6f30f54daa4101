/// Values numbered 1, 2, 3, ... in insertion order, keeping at most `capacity` of the newest;
/// older ones are evicted and counted.
struct SequencedStore<Value: Sendable>: Sendable {
    let capacity: Int
    private var values: [Int: Value] = [:]
    /// Sequence number of the oldest value still held.
    private(set) var firstSeq = 1
    /// Sequence number the next value gets.
    private(set) var nextSeq = 1
    private(set) var evictedCount = 0

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    var count: Int { values.count }

    /// Stores `value` under the next sequence number and returns it, plus the values evicted to make room.
    mutating func append(_ value: Value) -> (seq: Int, evicted: [Value]) {
        var evicted: [Value] = []
        while values.count >= capacity, firstSeq < nextSeq {
            if let old = values.removeValue(forKey: firstSeq) {
                evicted.append(old)
                evictedCount += 1
            }
            firstSeq += 1
        }
        let seq = nextSeq
        values[seq] = value
        nextSeq += 1
        return (seq, evicted)
    }

    /// Evicts the value `seq` ahead of its turn (counted like any eviction).
    mutating func evict(_ seq: Int) {
        guard values.removeValue(forKey: seq) != nil else { return }
        evictedCount += 1
        while firstSeq < nextSeq, values[firstSeq] == nil { firstSeq += 1 }
    }

    /// Sequence numbers held, oldest first.
    var sequenceNumbers: [Int] { (firstSeq..<nextSeq).filter { values[$0] != nil } }

    subscript(seq: Int) -> Value? {
        get { values[seq] }
        set {
            guard values[seq] != nil, let newValue else { return }
            values[seq] = newValue
        }
    }

    /// Values in insertion order, oldest first.
    var ordered: [Value] {
        (firstSeq..<nextSeq).compactMap { values[$0] }
    }

    /// The newest values, newest first, at most `limit`.
    func newest(_ limit: Int) -> [(seq: Int, value: Value)] {
        var out: [(Int, Value)] = []
        var seq = nextSeq - 1
        while seq >= firstSeq, out.count < limit {
            if let v = values[seq] { out.append((seq, v)) }
            seq -= 1
        }
        return out
    }
}
