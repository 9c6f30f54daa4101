import CLineScan
import FaultMavenCore

/// Frames a byte stream into lines.
///
/// Feed chunks as they arrive; every complete line is handed to the caller, either as a
/// ``Span`` (its bytes, valid during the call: no allocation per line) or as a `String` ``Line``.
/// - Lines end at `\n`; one trailing `\r` is removed (`\r\n` files), also when the `\r` and
///   the `\n` arrive in different chunks.
/// - A line longer than `maxLineBytes` keeps its first `maxLineBytes` bytes (cut back to a
///   UTF-8 character boundary); the rest up to the newline is discarded, never buffered, and
///   the line is counted as truncated.
/// - Invalid UTF-8 is replaced with U+FFFD and the line is counted.
/// - Bytes after the last newline are kept until more arrive; ``finish()`` returns them.
///
/// Memory is bounded by `maxLineBytes + 1` bytes of carried partial line.
public struct LineSplitter: Sendable {
    /// One framed line.
    public struct Line: Sendable, Equatable {
        /// The line's text, without its terminator.
        public var text: String
        /// The line was longer than `maxLineBytes` and was cut.
        public var truncated: Bool
        /// The line contained invalid UTF-8 (replaced with U+FFFD).
        public var invalidUTF8: Bool
        /// Stream offset just past the line's terminator (or the end of the stream for the
        /// final unterminated line): where reading resumes after this line.
        public var endOffset: Int64

        /// The line of `span`, decoded (invalid UTF-8 repaired with U+FFFD).
        public init(_ span: Span) {
            self.init(
                text: String(decoding: span.bytes, as: UTF8.self), truncated: span.truncated,
                invalidUTF8: span.invalidUTF8, endOffset: span.endOffset)
        }

        public init(text: String, truncated: Bool, invalidUTF8: Bool, endOffset: Int64) {
            self.text = text
            self.truncated = truncated
            self.invalidUTF8 = invalidUTF8
            self.endOffset = endOffset
        }
    }

    /// One framed line as bytes, valid only during the call that receives it.
    public struct Span {
        /// The line's bytes, without its terminator (cut to `maxLineBytes` when too long).
        /// When ``invalidUTF8`` is set, `String(decoding:as:)` repairs them with U+FFFD.
        public var bytes: UnsafeRawBufferPointer
        /// The line was longer than `maxLineBytes` and was cut.
        public var truncated: Bool
        /// The bytes are not well-formed UTF-8.
        public var invalidUTF8: Bool
        /// Stream offset just past the line's terminator (see ``Line/endOffset``).
        public var endOffset: Int64
    }

    /// Counters since the splitter was made.
    public struct Stats: Sendable, Equatable {
        /// Lines emitted.
        public var lines = 0
        /// Bytes fed.
        public var bytes: Int64 = 0
        /// Lines longer than `maxLineBytes`, emitted cut.
        public var truncatedLines = 0
        /// Lines that held invalid UTF-8.
        public var invalidUTF8Lines = 0

        public init() {}
    }

    /// Longest line kept whole, in bytes.
    public let maxLineBytes: Int
    /// Counters since the splitter was made.
    public private(set) var stats = Stats()
    /// Stream offset of the next byte to be fed (starts at the `startOffset` given to `init`).
    public private(set) var offset: Int64
    /// Bytes of the unterminated line being carried (at most `maxLineBytes + 1`).
    public var pendingBytes: Int { partial.count }

    private var partial: [UInt8] = []
    /// The carried line already exceeded the limit; its remaining bytes are being dropped.
    private var overflowed = false

    /// - Parameters:
    ///   - maxLineBytes: longest line kept whole (at least 1).
    ///   - startOffset: stream offset of the first byte that will be fed, used for `endOffset`.
    public init(maxLineBytes: Int = Limits.maxLineBytes, startOffset: Int64 = 0) {
        self.maxLineBytes = max(1, maxLineBytes)
        self.offset = startOffset
    }

    /// Drops any carried partial line and restarts at `offset` (after a file was truncated).
    /// Counters are kept.
    public mutating func reset(offset: Int64 = 0) {
        partial.removeAll(keepingCapacity: false)
        overflowed = false
        self.offset = offset
    }

    /// Feeds one chunk, calling `body` for each line it completes, in order.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer, _ body: (Line) throws -> Void) rethrows {
        try frame(chunk) { try body(Line($0)) }
    }

    /// Feeds one chunk, calling `body` with the bytes of each line it completes, in order.
    /// Lines that lie within the chunk are not copied.
    public mutating func frame(_ chunk: UnsafeRawBufferPointer, _ body: (Span) throws -> Void) rethrows {
        stats.bytes += Int64(chunk.count)
        try frame(chunk, from: 0, body)
    }

    /// Bytes of the carried partial line that ``copyPending(to:)`` moves into the next chunk:
    /// all of them, unless the line already exceeded `maxLineBytes` (then its kept bytes stay
    /// here while the rest up to the newline is dropped, and this is 0).
    public var movablePending: Int { overflowed ? 0 : partial.count }

    /// Copies the ``movablePending`` bytes to the start of `destination` (which must hold them)
    /// and returns their count. The splitter still carries them until
    /// ``frame(continuing:carried:_:)`` is given the chunk that starts with them.
    public func copyPending(to destination: UnsafeMutableRawBufferPointer) -> Int {
        let n = movablePending
        precondition(destination.count >= n, "LineSplitter.copyPending: \(destination.count) bytes of room for \(n)")
        if n > 0 { partial.withUnsafeBytes { destination.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: n) } }
        return n
    }

    /// Feeds a chunk whose first `carried` bytes are the carried partial line, copied there by
    /// ``copyPending(to:)`` (`carried == movablePending`), followed by new bytes. Behaves as
    /// ``frame(_:_:)`` on the new bytes, except that the line continuing the carried bytes is
    /// also handed as bytes of `chunk`: every line's span lies in `chunk` unless it exceeded
    /// `maxLineBytes` across chunks (then it points to the splitter's own copy). A chunk's
    /// unterminated tail is carried as usual (and is again movable to the next chunk).
    @inline(__always)
    public mutating func frame(continuing chunk: UnsafeRawBufferPointer, carried: Int, _ body: (Span) throws -> Void) rethrows {
        precondition(carried == movablePending && carried <= chunk.count, "LineSplitter.frame(continuing:): \(carried) bytes carried, \(movablePending) pending")
        if carried > 0 { partial.removeAll(keepingCapacity: true) }
        stats.bytes += Int64(chunk.count - carried)
        try frame(chunk, from: carried, body)
    }

    /// Frames like ``frame(continuing:carried:_:)`` for a reader that keeps lines as bounds in
    /// `chunk`: a line that lies in `chunk` as it is (all ASCII, not longer than `maxLineBytes`)
    /// is recorded in `table` directly (its bounds without terminator, its end position), with no
    /// span and no call; every other line (with bytes above 0x7F, too long, or continuing a line
    /// that already exceeded the limit) is handed to `other` as a span, with `table` so that it
    /// can record the line in order.
    @inline(__always)
    mutating func frame(
        continuing chunk: UnsafeRawBufferPointer, carried: Int, into table: inout LineTable,
        _ other: (Span, inout LineTable) throws -> Void
    ) rethrows {
        precondition(carried == movablePending && carried <= chunk.count, "LineSplitter.frame(continuing:): \(carried) bytes carried, \(movablePending) pending")
        if carried > 0 { partial.removeAll(keepingCapacity: true) }
        stats.bytes += Int64(chunk.count - carried)
        guard let base = chunk.baseAddress, chunk.count > 0 else { return }
        let count = chunk.count
        let chunkOffset = offset - Int64(carried)
        var lineStart = 0
        var recorded = 0
        var scanFrom = carried
        if !overflowed && count <= Int(Int32.max) && (carried == 0 || UTF8Check.isASCII(UnsafeRawBufferPointer(rebasing: chunk[0..<carried]))) {
            try frameASCIIBlocks(
                base, count: count, chunkOffset: chunkOffset, scanFrom: &scanFrom, lineStart: &lineStart,
                recorded: &recorded, into: &table, other)
        }
        var scanner = NewlineScanner(chunk, lineStart: lineStart, scanFrom: scanFrom)
        // Offsets lie within `chunk` and positions within the file's size: the fast path's
        // arithmetic cannot overflow, so it wraps (no overflow checks per line).
        while let end = scanner.nextNewline() {
            let position = chunkOffset &+ Int64(truncatingIfNeeded: end &+ 1)
            // Not overflowed means nothing is carried here: the line starts in `chunk`.
            if !overflowed && !scanner.lineHasHighByte {
                var n = end &- lineStart
                if n > 0 && base.load(fromByteOffset: end &- 1, as: UInt8.self) == 0x0D { n &-= 1 }
                if n <= maxLineBytes {
                    table.append(start: lineStart, end: lineStart &+ n, position: position)
                    recorded &+= 1
                    lineStart = end &+ 1
                    continue
                }
            }
            offset = position
            let line = UnsafeRawBufferPointer(start: base + lineStart, count: end - lineStart)
            if !overflowed {
                try other(makeSpan(line, overflowed: false, ascii: !scanner.lineHasHighByte), &table)
            } else {
                carry(line)
                try emitCarried { try other($0, &table) }
            }
            lineStart = end + 1
        }
        stats.lines += recorded
        offset = chunkOffset + Int64(count)
        if lineStart < count { carry(UnsafeRawBufferPointer(start: base + lineStart, count: count - lineStart)) }
    }

    /// Blocks of 64 bytes scanned before their lines are recorded (``frameASCIIBlocks``).
    private static let asciiWindowBlocks = 32
    /// The CPU has 32-byte compares (AVX2) and the bit instructions the wide scan uses.
    private static let wideScan: Int32 = fm_cpu_has_avx2()

    /// The fast path of ``frame(continuing:carried:into:_:)``: frames the lines of the full
    /// 64-byte blocks from `scanFrom` on, up to the first block holding a byte above 0x7F, while
    /// the line being framed is all ASCII (`lineStart..<scanFrom` must be). Works in windows of
    /// ``asciiWindowBlocks`` blocks: first their newline offsets are gathered (`fm_gather_newlines`:
    /// with AVX2 when the CPU has it, no branch per newline), then each line is
    /// recorded; a line longer than `maxLineBytes` goes to `other`, cut. On return `scanFrom`
    /// is where scanning stops (a block with a high byte, or the chunk's last partial block),
    /// `lineStart` the start of the line not yet framed.
    @inline(__always)
    private mutating func frameASCIIBlocks(
        _ base: UnsafeRawPointer, count: Int, chunkOffset: Int64, scanFrom: inout Int, lineStart: inout Int,
        recorded: inout Int, into table: inout LineTable, _ other: (Span, inout LineTable) throws -> Void
    ) rethrows {
        let blockBytes = 64
        let window = LineSplitter.asciiWindowBlocks
        // Offsets are stored as 32 bits (the caller checks that the chunk is smaller than 2 GiB).
        try withUnsafeTemporaryAllocation(of: Int32.self, capacity: window * blockBytes + 4) { ends in
            var at = scanFrom
            var sawHigh = false
            while !sawHigh && count &- at >= blockBytes {
                let blocks = Swift.min(window, (count &- at) / blockBytes)
                var found = 0
                let done = fm_gather_newlines(
                    base.advanced(by: at).assumingMemoryBound(to: UInt8.self), blocks, Int32(truncatingIfNeeded: at),
                    ends.baseAddress!, &found, LineSplitter.wideScan)
                sawHigh = done < blocks
                at &+= done &* blockBytes
                for i in 0..<found {
                    let end = Int(ends[i])
                    let position = chunkOffset &+ Int64(truncatingIfNeeded: end &+ 1)
                    var n = end &- lineStart
                    if n > 0 && base.load(fromByteOffset: end &- 1, as: UInt8.self) == 0x0D { n &-= 1 }
                    if n <= maxLineBytes {
                        table.append(start: lineStart, end: lineStart &+ n, position: position)
                        recorded &+= 1
                    } else {
                        offset = position
                        try other(makeSpan(UnsafeRawBufferPointer(start: base + lineStart, count: end &- lineStart), overflowed: false, ascii: true), &table)
                    }
                    lineStart = end &+ 1
                }
            }
            scanFrom = at
        }
    }

    /// Frames `chunk`, whose bytes before `scanFrom` are counted in `offset` already and hold no newline.
    @inline(__always)
    private mutating func frame(_ chunk: UnsafeRawBufferPointer, from scanFrom: Int, _ body: (Span) throws -> Void) rethrows {
        guard let base = chunk.baseAddress, chunk.count > 0 else { return }
        let count = chunk.count
        let chunkOffset = offset - Int64(scanFrom)
        // One pass finds the newlines and which lines need a UTF-8 check (log files are mostly ASCII).
        var scanner = NewlineScanner(chunk, scanFrom: scanFrom)
        var lineStart = 0
        while let end = scanner.nextNewline() {
            offset = chunkOffset + Int64(end + 1)
            let line = UnsafeRawBufferPointer(start: base + lineStart, count: end - lineStart)
            if partial.isEmpty && !overflowed {
                try body(makeSpan(line, overflowed: false, ascii: !scanner.lineHasHighByte))
            } else {
                carry(line)
                try emitCarried(body)
            }
            lineStart = end + 1
        }
        offset = chunkOffset + Int64(count)
        if lineStart < count { carry(UnsafeRawBufferPointer(start: base + lineStart, count: count - lineStart)) }
    }

    /// Feeds a byte array, calling `body` for each line it completes.
    public mutating func feed(_ bytes: [UInt8], _ body: (Line) throws -> Void) rethrows {
        try bytes.withUnsafeBytes { try feed($0, body) }
    }

    /// Feeds a byte array and returns the texts of the lines it completed.
    public mutating func lines(_ bytes: [UInt8]) -> [String] {
        var out: [String] = []
        feed(bytes) { out.append($0.text) }
        return out
    }

    /// Ends the stream: returns the final unterminated line, if any bytes were carried
    /// (one trailing `\r` removed), and clears the carried state.
    public mutating func finish() -> Line? {
        var line: Line?
        finish { line = Line($0) }
        return line
    }

    /// Ends the stream like ``finish()``, handing the final unterminated line (if any) to
    /// `body` as bytes.
    public mutating func finish(_ body: (Span) throws -> Void) rethrows {
        guard !partial.isEmpty || overflowed else { return }
        try emitCarried(body)
    }

    /// Hands the carried line to `body` and clears it.
    private mutating func emitCarried(_ body: (Span) throws -> Void) rethrows {
        let carried = partial  // shares the storage: `makeSpan` may update the counters meanwhile
        let wasOverflowed = overflowed
        defer { clearPartial() }
        try carried.withUnsafeBytes { try body(makeSpan($0, overflowed: wasOverflowed)) }
    }

    private mutating func clearPartial() {
        // Keep small buffers for reuse; give back the memory of a very long line.
        partial.removeAll(keepingCapacity: partial.capacity <= 16 * 1024)
        overflowed = false
    }

    /// Appends to the carried line, keeping at most `maxLineBytes + 1` bytes (the extra byte
    /// may be a `\r` that the newline will strip).
    private mutating func carry(_ bytes: UnsafeRawBufferPointer) {
        if overflowed || bytes.isEmpty { return }
        let room = maxLineBytes + 1 - partial.count
        if bytes.count <= room {
            partial.append(contentsOf: bytes)
        } else {
            partial.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[0..<room]))
            overflowed = true
        }
    }

    /// Frames a line from its bytes (terminator excluded), applying `\r`, length and UTF-8 rules.
    /// `ascii`: the bytes are known to be ASCII (no UTF-8 check needed).
    private mutating func makeSpan(_ bytes: UnsafeRawBufferPointer, overflowed: Bool, ascii: Bool = false) -> Span {
        var n = bytes.count
        if !overflowed && n > 0 && bytes[n - 1] == 0x0D { n -= 1 }
        var truncated = overflowed
        if n > maxLineBytes {
            truncated = true
            n = LineSplitter.characterBoundary(bytes, atMost: maxLineBytes)
        }
        let kept = UnsafeRawBufferPointer(rebasing: bytes[0..<n])
        let invalid = !ascii && !UTF8Check.isValid(kept)
        stats.lines += 1
        if truncated { stats.truncatedLines += 1 }
        if invalid { stats.invalidUTF8Lines += 1 }
        return Span(bytes: kept, truncated: truncated, invalidUTF8: invalid, endOffset: offset)
    }

    /// The largest cut `<= limit` that does not split a UTF-8 sequence (`bytes.count > limit`).
    static func characterBoundary(_ bytes: UnsafeRawBufferPointer, atMost limit: Int) -> Int {
        var cut = limit
        // Step back over continuation bytes (10xxxxxx) at the cut, at most 3.
        while cut > 0 && limit - cut < 3 && bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
        if cut > 0 && bytes[cut] & 0xC0 == 0x80 { return limit }  // not UTF-8 here: cut bytes as-is
        return cut
    }
}
