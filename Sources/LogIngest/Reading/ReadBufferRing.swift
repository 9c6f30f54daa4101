/// The buffers of a source's most recent reads, kept so that a later read can reuse one once
/// the pipeline has let go of it, instead of allocating a new buffer for every read.
///
/// A read's buffer becomes the storage of the ``LineBlock`` its lines travel in, so the
/// source cannot free it; it keeps another reference here instead (``keep(_:)``). When a read
/// needs a buffer (``take(capacity:)``), the oldest kept one is emptied: if the pipeline has
/// dropped its block meanwhile, the ring held the only reference and the storage is reused;
/// otherwise emptying it gives a new buffer, as copy-on-write does, and the block's bytes are
/// untouched. Reuse is only an optimisation: the blocks' value semantics never change.
///
/// Memory: at most `limit` buffers of at most `largestKept` bytes of capacity each are held
/// beyond what the pipeline holds itself; ``removeAll()`` gives them back (when the source
/// goes idle).
struct ReadBufferRing {
    /// Buffers kept at most.
    let limit: Int
    /// Largest capacity a buffer may have to be kept (a read that carried a long line made a
    /// larger one; it is let go instead).
    let largestKept: Int
    /// Capacity of new buffers at least (room for a carried line on top of a read, so that
    /// a buffer stays reusable when the next read carries a little more).
    let minimumCapacity: Int
    /// Kept buffers, oldest at `oldest` once the ring is full.
    private var buffers: [[UInt8]] = []
    private var oldest = 0
    /// Buffers handed out that reused a kept buffer's storage.
    private(set) var reused = 0
    /// Buffers handed out that needed new storage.
    private(set) var allocated = 0

    init(limit: Int, minimumCapacity: Int, largestKept: Int) {
        self.limit = Swift.max(1, limit)
        self.minimumCapacity = minimumCapacity
        self.largestKept = largestKept
        buffers.reserveCapacity(self.limit)
    }

    /// Buffers held.
    var count: Int { buffers.count }

    /// An empty buffer with room for at least `capacity` bytes: the oldest kept buffer's
    /// storage when nothing else holds it any more, else new storage.
    mutating func take(capacity: Int) -> [UInt8] {
        guard buffers.count == limit else { return fresh(capacity) }
        var buffer: [UInt8] = []
        swap(&buffer, &buffers[oldest])  // the ring's reference moves out: no extra retain
        guard buffer.capacity >= capacity else { return fresh(capacity) }
        let storage = buffer.withUnsafeBufferPointer { $0.baseAddress }
        // Empties in place when the ring held the only reference; else gives new storage of
        // the same capacity (no copy), leaving the pipeline's block as it was.
        buffer.removeAll(keepingCapacity: true)
        if buffer.withUnsafeBufferPointer({ $0.baseAddress }) == storage { reused += 1 } else { allocated += 1 }
        return buffer
    }

    /// Keeps `buffer` (a read's buffer, now also a block's storage) as the newest, letting go
    /// of the oldest when the ring is full. Buffers larger than `largestKept` are not kept.
    mutating func keep(_ buffer: [UInt8]) {
        guard buffer.capacity <= largestKept else { return }
        if buffers.count < limit {
            buffers.append(buffer)
        } else {
            buffers[oldest] = buffer
            oldest = (oldest + 1) % limit
        }
    }

    /// Lets go of every kept buffer.
    mutating func removeAll() {
        buffers.removeAll(keepingCapacity: true)
        oldest = 0
    }

    private mutating func fresh(_ capacity: Int) -> [UInt8] {
        allocated += 1
        var buffer: [UInt8] = []
        buffer.reserveCapacity(Swift.max(capacity, minimumCapacity))
        return buffer
    }
}
