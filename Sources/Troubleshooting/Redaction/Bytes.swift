/// Byte classes and searches for the redaction scanners. Everything works on UTF-8 bytes;
/// secrets are ASCII, and multi-byte characters simply never match a class.
enum Bytes {
    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    @inline(__always) static func isUpper(_ c: UInt8) -> Bool { c >= 65 && c <= 90 }
    @inline(__always) static func isLower(_ c: UInt8) -> Bool { c >= 97 && c <= 122 }
    @inline(__always) static func isAlpha(_ c: UInt8) -> Bool { isUpper(c) || isLower(c) }
    @inline(__always) static func isAlnum(_ c: UInt8) -> Bool { isAlpha(c) || isDigit(c) }
    @inline(__always) static func isHex(_ c: UInt8) -> Bool { isDigit(c) || (c | 0x20 >= 97 && c | 0x20 <= 102) }
    @inline(__always) static func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 }
    /// Letters, digits, `_` and `-`: the body of most API tokens.
    @inline(__always) static func isWord(_ c: UInt8) -> Bool { isAlnum(c) || c == 95 || c == 45 }
    @inline(__always) static func lower(_ c: UInt8) -> UInt8 { isUpper(c) ? c + 32 : c }

    /// The first index at or after `from` where `needle` occurs (ASCII case-insensitive when
    /// asked). Naive search: linear in the input for the short, fixed needles used here.
    static func find(_ needle: [UInt8], in b: [UInt8], from: Int, ignoringCase: Bool = false) -> Int? {
        guard !needle.isEmpty, needle.count <= b.count else { return nil }
        var i = max(0, from)
        let last = b.count - needle.count
        while i <= last {
            if matches(needle, in: b, at: i, ignoringCase: ignoringCase) { return i }
            i += 1
        }
        return nil
    }

    /// Whether `needle` occurs in `b` at `at`.
    static func matches(_ needle: [UInt8], in b: [UInt8], at: Int, ignoringCase: Bool = false) -> Bool {
        guard at >= 0, at + needle.count <= b.count else { return false }
        for k in 0..<needle.count {
            let c = b[at + k]
            if c != needle[k], !(ignoringCase && lower(c) == needle[k]) { return false }
        }
        return true
    }

    /// Maximal runs of bytes in a class, as (start, end) pairs, in one pass.
    static func runs(in b: [UInt8], where isMember: (UInt8) -> Bool) -> [(start: Int, end: Int)] {
        var out: [(start: Int, end: Int)] = []
        var i = 0
        while i < b.count {
            guard isMember(b[i]) else {
                i += 1
                continue
            }
            let s = i
            while i < b.count, isMember(b[i]) { i += 1 }
            out.append((s, i))
        }
        return out
    }
}
