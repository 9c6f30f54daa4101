/// Finds the newlines of a chunk and, for each line, whether it holds a byte above 0x7F, in one
/// pass that reads eight bytes at a time.
///
/// Blocks of 32 bytes without a newline (most of a line) are skipped with vector compares;
/// the word holding a newline yields a mask of its `\n` bytes and a mask of its high bits with a few
/// integer operations (SWAR), so a line costs no call (as `memchr` per line did) and the chunk
/// needs no separate ASCII pass: a line whose bytes are all below 0x80 is known to be valid
/// UTF-8 without looking at it again.
///
/// Bytes are read as they are in memory; the bytes before `scanFrom` (a line's start carried
/// from an earlier chunk) are only checked for high bits, never for newlines.
struct NewlineScanner {
    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    private static let newlines: UInt64 = 0x0A0A_0A0A_0A0A_0A0A

    private let base: UnsafeRawPointer
    private let count: Int
    /// Offset of the next word to load.
    private var next: Int
    /// Offset of the word being taken apart.
    private var wordAt = 0
    /// Newlines of that word not handed out yet (bit `8k+7` for byte `k`).
    private var newlinesLeft: UInt64 = 0
    /// High bits of that word's bytes after the last newline handed out.
    private var highLeft: UInt64 = 0
    /// High bits seen in the current line in earlier words (0 when none).
    private var lineHigh: UInt64 = 0

    /// Whether the line ending at the newline last returned by ``nextNewline()`` holds a byte
    /// above 0x7F (then it needs a UTF-8 check).
    private(set) var lineHasHighByte = false

    /// Scans `chunk[scanFrom...]` for newlines; the first line starts at offset 0.
    init(_ chunk: UnsafeRawBufferPointer, scanFrom: Int) {
        precondition(scanFrom >= 0 && scanFrom <= chunk.count, "NewlineScanner: scan from \(scanFrom) of \(chunk.count) bytes")
        base = chunk.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
        count = chunk.count
        next = scanFrom
        if scanFrom > 0 && !UTF8Check.isASCII(UnsafeRawBufferPointer(rebasing: chunk[0..<scanFrom])) { lineHigh = NewlineScanner.highBits }
    }

    /// Offset of the next `\n`, or nil when the chunk has no more; afterwards
    /// ``lineHasHighByte`` tells about the line that the newline ends.
    @inline(__always)
    mutating func nextNewline() -> Int? {
        while newlinesLeft == 0 {
            lineHigh |= highLeft
            skipBlocksWithoutNewline()
            guard next < count else {
                highLeft = 0
                return nil
            }
            load()
        }
        let bit = newlinesLeft.trailingZeroBitCount
        let below = (UInt64(1) << UInt64(bit)) &- 1
        lineHasHighByte = (lineHigh | (highLeft & below)) != 0
        highLeft &= ~below
        lineHigh = 0
        newlinesLeft &= newlinesLeft &- 1
        return wordAt + (bit >> 3)
    }

    /// Moves `next` past the 32-byte blocks that hold no newline (most of a line), noting
    /// whether any of their bytes is high.
    @inline(__always)
    private mutating func skipBlocksWithoutNewline() {
        var high = SIMD16<UInt8>()
        let newline = SIMD16<UInt8>(repeating: 0x0A)
        while next &+ 32 <= count {
            let a = base.loadUnaligned(fromByteOffset: next, as: SIMD16<UInt8>.self)
            let b = base.loadUnaligned(fromByteOffset: next &+ 16, as: SIMD16<UInt8>.self)
            // The compares' lanes as two words (the standard library's `any` reduces lane by lane).
            let hits = unsafeBitCast((a .== newline) .| (b .== newline), to: SIMD2<UInt64>.self)
            if hits[0] | hits[1] != 0 { break }
            high |= a | b
            next &+= 32
        }
        let words = unsafeBitCast(high, to: SIMD2<UInt64>.self)
        if (words[0] | words[1]) & NewlineScanner.highBits != 0 { lineHigh = NewlineScanner.highBits }
    }

    /// Loads the word at `next` (the last one of a chunk padded with zero bytes, which are
    /// neither newlines nor high) and finds its newlines and high bits.
    @inline(__always)
    private mutating func load() {
        var word: UInt64
        if next + 8 <= count {
            word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: next, as: UInt64.self))
        } else {
            word = 0
            for k in 0..<(count - next) { word |= UInt64(base.load(fromByteOffset: next + k, as: UInt8.self)) << UInt64(8 * k) }
        }
        wordAt = next
        next = Swift.min(next + 8, count)
        highLeft = word & NewlineScanner.highBits
        newlinesLeft = NewlineScanner.zeroBytes(word ^ NewlineScanner.newlines)
    }

    /// Bit `8k+7` set exactly where byte `k` of `word` is zero (no false positives: the
    /// addition cannot carry from one byte into the next).
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        ~(((word & lowBits) &+ lowBits) | word | lowBits)
    }
}
