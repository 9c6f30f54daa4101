import FaultMavenCore

/// The bounds and end positions of the lines framed from one read, in storage that grows by
/// doubling, so that recording a line is two stores (no array append with its uniqueness
/// check per line). ``arrays()`` copies them out for a ``LineBlock``.
///
/// A reader keeps one table and empties it (``removeAll(keepingCapacity:)``) before each read,
/// so that framing a read allocates nothing for it. It holds at most one entry per newline of
/// the read, so its size is bounded by the read's size, and emptying gives back storage grown
/// beyond the capacity asked to keep.
struct LineTable: ~Copyable {
    private var bounds: UnsafeMutablePointer<LineBlock.Bounds>
    private var positions: UnsafeMutablePointer<Int64>
    private var capacity: Int
    /// Lines recorded.
    private(set) var count = 0

    /// Room for `capacity` lines before the first growth (at least 1).
    init(capacity: Int) {
        self.capacity = Swift.max(1, capacity)
        bounds = .allocate(capacity: self.capacity)
        positions = .allocate(capacity: self.capacity)
    }

    deinit {
        bounds.deallocate()
        positions.deallocate()
    }

    /// Records a line lying at `start..<end` that ends at stream `position`.
    @inline(__always)
    mutating func append(start: Int, end: Int, position: Int64) {
        if count == capacity { grow() }
        (bounds + count).initialize(to: LineBlock.Bounds(start: start, end: end))
        (positions + count).initialize(to: position)
        count &+= 1
    }

    /// Forgets every line; keeps the storage unless it grew beyond room for `limit` lines
    /// (then it is reallocated at `limit`), so that one long read of short lines does not keep
    /// its table for good.
    mutating func removeAll(keepingCapacity limit: Int) {
        count = 0
        let keep = Swift.max(1, limit)
        guard capacity > keep else { return }
        bounds.deallocate()
        positions.deallocate()
        capacity = keep
        bounds = .allocate(capacity: keep)
        positions = .allocate(capacity: keep)
    }

    /// Moves line `i` by `delta` bytes (lines placed after the read's bytes).
    mutating func shift(_ i: Int, by delta: Int) {
        precondition(i >= 0 && i < count, "LineTable.shift(\(i)) of \(count) lines")
        bounds[i].start += delta
        bounds[i].end += delta
    }

    /// End position of the last line recorded.
    var lastPosition: Int64? { count > 0 ? positions[count - 1] : nil }

    /// The lines' bounds and positions as arrays (copied).
    func arrays() -> (bounds: [LineBlock.Bounds], positions: [Int64]) {
        (Array(UnsafeBufferPointer(start: bounds, count: count)), Array(UnsafeBufferPointer(start: positions, count: count)))
    }

    private mutating func grow() {
        let larger = 2 * capacity
        let newBounds = UnsafeMutablePointer<LineBlock.Bounds>.allocate(capacity: larger)
        let newPositions = UnsafeMutablePointer<Int64>.allocate(capacity: larger)
        newBounds.moveInitialize(from: bounds, count: count)
        newPositions.moveInitialize(from: positions, count: count)
        bounds.deallocate()
        positions.deallocate()
        bounds = newBounds
        positions = newPositions
        capacity = larger
    }
}
