import FaultMavenCore

/// The bounds and end positions of the lines framed from one read, in storage that grows by
/// doubling, so that recording a line is two stores (no array append with its uniqueness
/// check per line). ``arrays()`` copies them out for a ``LineBlock``.
///
/// Used for one read only and freed with it; it holds at most one entry per newline of the
/// read, so its size is bounded by the read's size.
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
        count += 1
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
