/// A strong signal of a knowledge entry, compiled once: every part must occur (parts are separated by `&`; a signal without `&` is matched
/// exactly, spaces included) in a line
/// (lower-cased) for the signature to match. Matching is plain substring search, linear in
/// the line's length for each part.
struct Signature: Sendable, Hashable {
    let text: String
    let parts: [String]
    /// `parts` as UTF-8 bytes, for matching.
    let partBytes: [[UInt8]]

    init(_ text: String) {
        self.text = text
        if text.contains("&") {
            let split = text.split(separator: "&").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
            parts = split.isEmpty ? [text] : split
        } else {
            parts = [text]
        }
        partBytes = parts.map { Array($0.utf8) }
    }

    /// Whether `line` (already lower-cased) shows this signature.
    func matches(_ line: String) -> Bool {
        matches(bytes: Array(line.utf8))
    }

    /// Whether the UTF-8 bytes of a lower-cased line show this signature.
    func matches(bytes line: [UInt8]) -> Bool {
        partBytes.allSatisfy { Self.contains(line, $0) }
    }

    /// Byte substring search; the signals are short, so this is linear in the line.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return needle.isEmpty }
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                let last = h.count - n.count
                var i = 0
                while i <= last {
                    if h[i] == first {
                        var k = 1
                        while k < n.count, h[i + k] == n[k] { k += 1 }
                        if k == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}

extension Substring {
    /// The substring without leading and trailing spaces (ASCII space only; signals are ASCII).
    func trimmingSpaces() -> String {
        var s = self
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
