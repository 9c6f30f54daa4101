import CLineScan

/// Finds the newlines of a chunk and, for each line, whether it holds a byte above 0x7F, in one
/// pass over blocks of 64 bytes.
///
/// Each block yields two 64-bit masks, its `\n` bytes and its high bytes (`fm_scan_block64`:
/// vector compares and byte-mask extraction), so a line costs a bit search and a few mask
/// operations, no call (as `memchr` per line did), and the chunk needs no separate ASCII pass:
/// a line whose bytes are all below 0x80 is known to be valid UTF-8 without looking at it again.
///
/// The bytes before `scanFrom` (a line's start carried from an earlier chunk) are only checked
/// for high bytes, never for newlines.
struct NewlineScanner {
    private static let blockBytes = 64

    private let base: UnsafeRawPointer
    private let count: Int
    /// Offset of the next block to scan.
    private var next: Int
    /// Offset of the block being taken apart.
    private var blockAt = 0
    /// Newlines of that block not handed out yet (bit `k` for byte `k`).
    private var newlinesLeft: UInt64 = 0
    /// High bytes of that block after the last newline handed out.
    private var highLeft: UInt64 = 0
    /// Whether the current line had a high byte in an earlier block.
    private var lineHigh = false

    /// Whether the line ending at the newline last returned by ``nextNewline()`` holds a byte
    /// above 0x7F (then it needs a UTF-8 check).
    private(set) var lineHasHighByte = false

    /// Scans `chunk[scanFrom...]` for newlines; the first line starts at offset `lineStart`
    /// (`lineStart <= scanFrom`; its bytes before `scanFrom` hold no newline).
    init(_ chunk: UnsafeRawBufferPointer, lineStart: Int = 0, scanFrom: Int) {
        precondition(
            lineStart >= 0 && lineStart <= scanFrom && scanFrom <= chunk.count,
            "NewlineScanner: line from \(lineStart), scan from \(scanFrom) of \(chunk.count) bytes")
        base = chunk.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
        count = chunk.count
        next = scanFrom
        lineHigh = scanFrom > lineStart && !UTF8Check.isASCII(UnsafeRawBufferPointer(rebasing: chunk[lineStart..<scanFrom]))
    }

    /// Offset of the next `\n`, or nil when the chunk has no more; afterwards
    /// ``lineHasHighByte`` tells about the line that the newline ends.
    @inline(__always)
    mutating func nextNewline() -> Int? {
        while newlinesLeft == 0 {
            if highLeft != 0 { lineHigh = true }
            guard next < count else {
                highLeft = 0
                return nil
            }
            scanBlock()
        }
        let k = newlinesLeft.trailingZeroBitCount
        let before = (UInt64(1) << UInt64(k)) &- 1
        lineHasHighByte = lineHigh || highLeft & before != 0
        highLeft &= ~before
        lineHigh = false
        newlinesLeft &= newlinesLeft &- 1
        return blockAt &+ k
    }

    /// Scans the block at `next` (the last one of a chunk padded with zero bytes, which are
    /// neither newlines nor high).
    @inline(__always)
    private mutating func scanBlock() {
        let n = Swift.min(NewlineScanner.blockBytes, count &- next)
        var high: UInt64 = 0
        if n == NewlineScanner.blockBytes {
            newlinesLeft = fm_scan_block64(base.advanced(by: next).assumingMemoryBound(to: UInt8.self), &high)
        } else {
            newlinesLeft = withUnsafeTemporaryAllocation(byteCount: NewlineScanner.blockBytes, alignment: 16) { padded in
                padded.initializeMemory(as: UInt8.self, repeating: 0)
                padded.baseAddress!.copyMemory(from: base.advanced(by: next), byteCount: n)
                return fm_scan_block64(padded.baseAddress!.assumingMemoryBound(to: UInt8.self), &high)
            }
        }
        highLeft = high
        blockAt = next
        next &+= n
    }
}
