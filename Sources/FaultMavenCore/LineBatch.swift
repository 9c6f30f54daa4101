/// What sources send down the pipeline channel: lines either as ``LineBlock``s (file sources:
/// no allocation per line) or as ``RawLine`` values (structured sources such as the journal).
///
/// As a collection its elements are `RawLine`s, made on access; hot consumers iterate
/// ``blocks`` instead. An empty batch is the pipeline's tick.
public struct LineBatch: Sendable, RandomAccessCollection, ExpressibleByArrayLiteral {
    /// Lines given as values (empty when the batch holds blocks).
    public let rawLines: [RawLine]
    /// Lines given as blocks (empty when the batch holds values).
    public let blocks: [LineBlock]
    /// Index of the first line of each block.
    private let starts: [Int]
    public let endIndex: Int

    /// A batch of line values.
    public init(_ lines: [RawLine]) {
        rawLines = lines
        blocks = []
        starts = []
        endIndex = lines.count
    }

    /// A batch of blocks, in order (empty blocks are dropped).
    public init(blocks: [LineBlock]) {
        let kept = blocks.filter { !$0.isEmpty }
        var starts: [Int] = []
        starts.reserveCapacity(kept.count)
        var total = 0
        for b in kept {
            starts.append(total)
            total += b.count
        }
        rawLines = []
        self.blocks = kept
        self.starts = starts
        endIndex = total
    }

    public init(arrayLiteral lines: RawLine...) { self.init(lines) }

    public var startIndex: Int { 0 }

    public subscript(i: Int) -> RawLine {
        if blocks.isEmpty { return rawLines[i] }
        precondition(i >= 0 && i < endIndex, "LineBatch index \(i) out of 0..<\(endIndex)")
        // Few blocks per batch: find the last block starting at or before `i`.
        var lo = 0
        var hi = starts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if starts[mid] <= i { lo = mid } else { hi = mid - 1 }
        }
        return blocks[lo].line(at: i - starts[lo])
    }

    /// Calls `body` with every line's text and number, in order, without making `RawLine`s.
    public func forEachText(_ body: (String, Int) throws -> Void) rethrows {
        for line in rawLines { try body(line.text, line.number) }
        for block in blocks {
            for i in block.indices { try body(block.text(at: i), block.number(at: i)) }
        }
    }

    /// For every stream in the batch, the position just after its last line (streams without
    /// an id, one-shot reads, are left out).
    public var lastPositions: [String: Int64] {
        var last: [String: Int64] = [:]
        func note(_ stream: String, _ position: Int64) {
            if stream.isEmpty { return }
            if let p = last[stream], p >= position { return }
            last[stream] = position
        }
        for line in rawLines { note(line.streamID, line.position) }
        for block in blocks { if let p = block.positions.last { note(block.origin.streamID, p) } }
        return last
    }
}
