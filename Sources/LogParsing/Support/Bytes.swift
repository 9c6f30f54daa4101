/// Read-only view of one line's UTF-8 bytes, used by the hand-written scanners on the hot path.
typealias Bytes = UnsafeBufferPointer<UInt8>

/// ASCII helpers for byte scanners. Everything here is allocation-free except `string(_:_:_:)`.
enum ASCII {
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let quote: UInt8 = 0x22
    static let backslash: UInt8 = 0x5C
    static let colon: UInt8 = 0x3A
    static let equals: UInt8 = 0x3D
    static let lbracket: UInt8 = 0x5B
    static let rbracket: UInt8 = 0x5D

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }
    @inline(__always) static func isSpace(_ c: UInt8) -> Bool { c == space || c == tab }
    @inline(__always) static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isUpper(_ c: UInt8) -> Bool { c &- 0x41 < 26 }
    @inline(__always) static func lower(_ c: UInt8) -> UInt8 { isUpper(c) ? c | 0x20 : c }

    /// Value of exactly `count` decimal digits starting at `i`, or nil if any is not a digit or out of range.
    @inline(__always)
    static func digits(_ b: Bytes, _ i: Int, _ count: Int) -> Int? {
        guard i >= 0, i + count <= b.count else { return nil }
        var v = 0
        for k in i..<(i + count) {
            let d = b[k] &- 0x30
            guard d < 10 else { return nil }
            v = v * 10 + Int(d)
        }
        return v
    }

    /// Value of the two decimal digits at `i` and `i + 1` (both in bounds), or nil.
    @inline(__always)
    static func twoDigits(_ b: Bytes, _ i: Int) -> Int? {
        let high = b[i] &- 0x30
        let low = b[i + 1] &- 0x30
        guard high < 10, low < 10 else { return nil }
        return Int(high) * 10 + Int(low)
    }

    /// Number of consecutive digits starting at `i`.
    @inline(__always)
    static func digitRun(_ b: Bytes, _ i: Int) -> Int {
        var j = i
        while j < b.count, isDigit(b[j]) { j += 1 }
        return j - i
    }

    /// Index of the first non-space/tab byte at or after `i`.
    @inline(__always)
    static func skipSpaces(_ b: Bytes, _ i: Int) -> Int {
        var j = i
        while j < b.count, isSpace(b[j]) { j += 1 }
        return j
    }

    /// Index of the first space/tab at or after `i` (or `b.count`).
    @inline(__always)
    static func tokenEnd(_ b: Bytes, _ i: Int) -> Int {
        var j = i
        while j < b.count, !isSpace(b[j]) { j += 1 }
        return j
    }

    /// Decodes `b[from..<to]` as UTF-8 (invalid sequences become U+FFFD).
    @inline(__always)
    static func string(_ b: Bytes, _ from: Int, _ to: Int) -> String {
        guard from < to else { return "" }
        return String(decoding: Bytes(rebasing: b[from..<to]), as: UTF8.self)
    }

    /// True when `b[i...]` starts with the ASCII text `prefix`, compared case-sensitively.
    @inline(__always)
    static func hasPrefix(_ b: Bytes, _ i: Int, _ prefix: StaticString) -> Bool {
        let n = prefix.utf8CodeUnitCount
        guard i + n <= b.count else { return false }
        let p = prefix.utf8Start
        for k in 0..<n where b[i + k] != p[k] { return false }
        return true
    }

    /// Index of the last non-space/tab byte plus one, searching back from `end`.
    @inline(__always)
    static func trimEnd(_ b: Bytes, _ start: Int, _ end: Int) -> Int {
        var j = end
        while j > start, isSpace(b[j - 1]) || b[j - 1] == 0x0D { j -= 1 }
        return j
    }
}
