import Foundation

/// Consecutive lines of one stream, stored as one byte buffer with line boundaries as offsets.
///
/// Sources hand lines downstream in blocks so that reading a line costs no allocation of its
/// own: the block's arrays grow amortised, and a `String` is made only when a consumer asks
/// for one (``text(at:)``, or a ``RawLine`` through ``line(at:)``). All lines share `origin`
/// and `readAt`; line `i` has number `firstNumber + i`.
///
/// The bytes are always well-formed UTF-8 (sources repair invalid input before appending), so
/// ``withBytes(at:_:)`` can be used where text is compared or scanned byte-wise.
public struct LineBlock: Sendable, RandomAccessCollection {
    /// Source, path, tag and stream of every line.
    public let origin: LineOrigin
    /// Number of the first line (1-based within its file; see `RawLine.number`).
    public let firstNumber: Int
    /// When the first line was read.
    public let readAt: Date
    /// The lines' bytes, back to back, without terminators.
    public private(set) var bytes: [UInt8] = []
    /// Byte offset in `bytes` just past each line.
    private var ends: [Int] = []
    /// Stream position just after each line (`RawLine.position`).
    public private(set) var positions: [Int64] = []

    /// An empty block whose lines will be numbered from `firstNumber`.
    public init(origin: LineOrigin, firstNumber: Int, readAt: Date, reservingBytes: Int = 0, lines: Int = 0) {
        self.origin = origin
        self.firstNumber = firstNumber
        self.readAt = readAt
        bytes.reserveCapacity(reservingBytes)
        ends.reserveCapacity(lines)
        positions.reserveCapacity(lines)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { ends.count }

    /// Line `i` as a `RawLine` (makes its `String`).
    public subscript(i: Int) -> RawLine { line(at: i) }

    /// Number of the line after the last one.
    public var nextNumber: Int { firstNumber + ends.count }

    /// The block's total bytes of text.
    public var byteCount: Int { bytes.count }

    /// Makes room for `bytes` more bytes of text (growing geometrically).
    public mutating func reserve(bytes more: Int) {
        let needed = bytes.count + more
        if bytes.capacity < needed { bytes.reserveCapacity(Swift.max(needed, 2 * bytes.capacity)) }
    }

    /// Appends one line (its bytes must be well-formed UTF-8) ending at stream `position`.
    public mutating func append(_ line: UnsafeRawBufferPointer, position: Int64) {
        // As typed bytes, so the append is one copy rather than byte-by-byte iteration.
        bytes.append(contentsOf: line.assumingMemoryBound(to: UInt8.self))
        ends.append(bytes.count)
        positions.append(position)
    }

    /// Appends one line given as text.
    public mutating func append(_ text: String, position: Int64) {
        bytes.append(contentsOf: text.utf8)
        ends.append(bytes.count)
        positions.append(position)
    }

    /// Line number of line `i`.
    public func number(at i: Int) -> Int { firstNumber + i }

    /// Stream position just after line `i`.
    public func position(at i: Int) -> Int64 { positions[i] }

    /// Range of line `i` in `bytes`.
    public func range(at i: Int) -> Range<Int> { (i == 0 ? 0 : ends[i - 1])..<ends[i] }

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
    /// The returned block keeps the buffer; the (usually shorter) rest is copied.
    public mutating func removePrefix(_ k: Int) -> LineBlock {
        precondition(k > 0 && k < count, "LineBlock.removePrefix(\(k)) of \(count) lines")
        let cut = ends[k - 1]
        var rest = LineBlock(origin: origin, firstNumber: firstNumber + k, readAt: readAt)
        rest.bytes = Array(bytes[cut...])
        rest.ends = ends[k...].map { $0 - cut }
        rest.positions = Array(positions[k...])
        var head = self
        self = rest
        head.bytes.removeSubrange(cut...)
        head.ends.removeSubrange(k...)
        head.positions.removeSubrange(k...)
        return head
    }
}
