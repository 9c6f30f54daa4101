import Foundation

/// Consecutive lines of one stream, stored as one byte buffer with each line's bounds as offsets.
///
/// Sources hand lines downstream in blocks so that reading a line costs no allocation of its
/// own: the block's arrays grow amortised, and a `String` is made only when a consumer asks
/// for one (``text(at:)``, or a ``RawLine`` through ``line(at:)``). All lines share `origin`
/// and `readAt`; line `i` has number `firstNumber + i`.
///
/// A file source reads straight into the buffer and records where each line lies, so a line's
/// bytes are copied once (by the kernel's read); lines need not be back to back.
///
/// The lines' bytes are always well-formed UTF-8 (sources repair invalid input first), so
/// ``withBytes(at:_:)`` can be used where text is compared or scanned byte-wise.
public struct LineBlock: Sendable, RandomAccessCollection {
    /// Source, path, tag and stream of every line.
    public let origin: LineOrigin
    /// Number of the first line (1-based within its file; see `RawLine.number`).
    public let firstNumber: Int
    /// When the first line was read.
    public let readAt: Date
    /// Where one line lies in ``bytes``.
    public struct Bounds: Sendable, Equatable {
        /// Offset of the line's first byte.
        public var start: Int
        /// Offset just past the line's last byte.
        public var end: Int

        public init(start: Int, end: Int) {
            self.start = start
            self.end = end
        }
    }

    /// The buffer the lines are ranges of. Sources that read straight into it leave bytes that
    /// belong to no line between the lines (terminators, the cut part of a too-long line, an
    /// unterminated tail that the next read carries on); see ``range(at:)``.
    public private(set) var bytes: [UInt8] = []
    /// Where each line lies in `bytes`.
    private var bounds: [Bounds] = []
    /// Stream position just after each line (`RawLine.position`).
    public private(set) var positions: [Int64] = []

    /// An empty block whose lines will be numbered from `firstNumber`.
    public init(origin: LineOrigin, firstNumber: Int, readAt: Date, reservingBytes: Int = 0, lines: Int = 0) {
        self.origin = origin
        self.firstNumber = firstNumber
        self.readAt = readAt
        bytes.reserveCapacity(reservingBytes)
        bounds.reserveCapacity(lines)
        positions.reserveCapacity(lines)
    }

    /// A block over an existing buffer (no copy): line `i` is `buffer[lines[i].start..<lines[i].end]`
    /// (well-formed UTF-8) and ends at stream position `positions[i]`.
    public init(origin: LineOrigin, firstNumber: Int, readAt: Date, buffer: [UInt8], lines: [Bounds], positions: [Int64]) {
        precondition(lines.count == positions.count, "LineBlock: \(lines.count) lines, \(positions.count) positions")
        precondition(lines.allSatisfy { 0 <= $0.start && $0.start <= $0.end && $0.end <= buffer.count }, "LineBlock: line outside its buffer")
        self.init(origin: origin, firstNumber: firstNumber, readAt: readAt, buffer: buffer, framedLines: lines, positions: positions)
    }

    /// A block over an existing buffer whose line bounds its framer made within it: as
    /// ``init(origin:firstNumber:readAt:buffer:lines:positions:)`` without checking each line's
    /// bounds (a per-line pass on the file sources' hot path); the counts are still checked.
    package init(origin: LineOrigin, firstNumber: Int, readAt: Date, buffer: [UInt8], framedLines lines: [Bounds], positions: [Int64]) {
        precondition(lines.count == positions.count, "LineBlock: \(lines.count) lines, \(positions.count) positions")
        self.origin = origin
        self.firstNumber = firstNumber
        self.readAt = readAt
        self.bytes = buffer
        self.bounds = lines
        self.positions = positions
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { bounds.count }

    /// Line `i` as a `RawLine` (makes its `String`).
    public subscript(i: Int) -> RawLine { line(at: i) }

    /// Number of the line after the last one.
    public var nextNumber: Int { firstNumber + bounds.count }

    /// The block's total bytes of text (its lines' lengths added up).
    public var byteCount: Int { bounds.reduce(0) { $0 + $1.end - $1.start } }

    /// Makes room for `bytes` more bytes of text (growing geometrically).
    public mutating func reserve(bytes more: Int) {
        let needed = bytes.count + more
        if bytes.capacity < needed { bytes.reserveCapacity(Swift.max(needed, 2 * bytes.capacity)) }
    }

    /// Appends one line (its bytes must be well-formed UTF-8) ending at stream `position`.
    public mutating func append(_ line: UnsafeRawBufferPointer, position: Int64) {
        // As typed bytes, so the append is one copy rather than byte-by-byte iteration.
        let start = bytes.count
        bytes.append(contentsOf: line.assumingMemoryBound(to: UInt8.self))
        bounds.append(Bounds(start: start, end: bytes.count))
        positions.append(position)
    }

    /// Appends one line given as text.
    public mutating func append(_ text: String, position: Int64) {
        let start = bytes.count
        bytes.append(contentsOf: text.utf8)
        bounds.append(Bounds(start: start, end: bytes.count))
        positions.append(position)
    }

    /// Line number of line `i`.
    public func number(at i: Int) -> Int { firstNumber + i }

    /// Stream position just after line `i`.
    public func position(at i: Int) -> Int64 { positions[i] }

    /// Range of line `i` in `bytes`.
    public func range(at i: Int) -> Range<Int> { bounds[i].start..<bounds[i].end }

    /// Calls `body` with the bytes of line `i` (valid only during the call).
    public func withBytes<R>(at i: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let r = range(at: i)
        return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[r])) }
    }

    /// The text of line `i`.
    public func text(at i: Int) -> String {
        let r = range(at: i)
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[r]), as: UTF8.self) }
    }

    /// Line `i` as a `RawLine`.
    public func line(at i: Int) -> RawLine {
        var raw = RawLine(origin: origin, number: firstNumber + i, text: text(at: i), readAt: readAt)
        raw.position = positions[i]
        return raw
    }

    /// Splits the block: returns its first `k` lines (`0 < k < count`) and keeps the rest.
    /// Both share the byte buffer (no copy of the text); only the per-line offsets are split.
    public mutating func removePrefix(_ k: Int) -> LineBlock {
        precondition(k > 0 && k < count, "LineBlock.removePrefix(\(k)) of \(count) lines")
        var rest = LineBlock(origin: origin, firstNumber: firstNumber + k, readAt: readAt)
        rest.bytes = bytes
        rest.bounds = Array(bounds[k...])
        rest.positions = Array(positions[k...])
        var head = self
        self = rest
        head.bounds.removeSubrange(k...)
        head.positions.removeSubrange(k...)
        return head
    }
}
