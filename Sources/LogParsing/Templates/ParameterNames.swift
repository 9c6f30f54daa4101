/// Names a template's parameters where the log line names them: `latency_ms=<*>`, `user="<*>"`,
/// `(pid=<*>)`, `a=<*>,b=<*>`, `status: <*>`, `Duration: <*>ms`.
///
/// A parameter is named by the key written right before its value: the literal text between the
/// previous wildcard (or the token's start) and this one must end in `=` or `:` (optionally
/// followed by a quote or an opening bracket) after a key, quoted or not; for a value that starts its token, the
/// previous token must be such a key on its own (`status:`). A key is an identifier (a letter or
/// `_`, then letters, digits, `_`, `.`, `-`; at most ``maxLength`` bytes); a level word before `:`
/// is a label, not a key, so `ERROR: <*>` leaves its value unnamed. Values the line does not name (`in <*>ms`) stay `nil`:
/// guessing names from prose would make them differ between templates of one kind.
public enum ParameterNames {
    /// Longest name taken, in bytes.
    public static let maxLength = 64

    /// One entry per `<*>` of `template` (tokens separated by single spaces), in order: the
    /// parameter's name, or `nil` when the line does not name it.
    public static func of(_ template: String) -> [String?] {
        guard template.utf8.contains(UInt8(ascii: "<")) else { return [] }
        let tokens = template.split(separator: " ", omittingEmptySubsequences: false)
        var names: [String?] = []
        for (i, token) in tokens.enumerated() {
            var rest = token[...]
            var first = true
            while let r = wildcard(in: rest) {
                let before = rest[..<r.lowerBound]
                var name = key(endingAt: before)
                if name == nil, first, isOpening(before), i > 0, wildcard(in: tokens[i - 1]) == nil {
                    name = key(endingAt: tokens[i - 1], whole: true)
                }
                names.append(name)
                rest = rest[r.upperBound...]
                first = false
            }
        }
        return names
    }

    /// The first `<*>` in `text`, found on its bytes.
    private static func wildcard(in text: Substring) -> Range<Substring.Index>? {
        let utf8 = text.utf8
        var i = utf8.startIndex
        while let lt = utf8[i...].firstIndex(of: UInt8(ascii: "<")) {
            let star = utf8.index(after: lt)
            guard star < utf8.endIndex else { return nil }
            let close = utf8.index(after: star)
            if utf8[star] == UInt8(ascii: "*"), close < utf8.endIndex, utf8[close] == UInt8(ascii: ">") {
                return lt..<utf8.index(after: close)
            }
            i = star
        }
        return nil
    }

    /// The key that `text` ends with, followed by `=` or `:` and at most one quote or opening
    /// bracket; with `whole`, the key must be all of `text` (a token on its own).
    private static func key(endingAt text: Substring, whole: Bool = false) -> String? {
        var end = text.utf8.endIndex
        let utf8 = text.utf8
        if end > utf8.startIndex, isOpeningByte(utf8[utf8.index(before: end)]) { utf8.formIndex(before: &end) }
        guard end > utf8.startIndex else { return nil }
        let separator = utf8[utf8.index(before: end)]
        guard separator == UInt8(ascii: "=") || separator == UInt8(ascii: ":") else { return nil }
        utf8.formIndex(before: &end)
        // A quoted key: `"user":"<*>"`.
        if end > utf8.startIndex, isQuote(utf8[utf8.index(before: end)]) { utf8.formIndex(before: &end) }
        var start = end
        while start > utf8.startIndex, isKeyByte(utf8[utf8.index(before: start)]) { utf8.formIndex(before: &start) }
        // Leading dots and dashes belong to punctuation, not to the key (`--port=<*>`, `...key:`).
        while start < end, !isKeyStart(utf8[start]) {
            guard utf8[start] == UInt8(ascii: ".") || utf8[start] == UInt8(ascii: "-") else { return nil }
            utf8.formIndex(after: &start)
        }
        guard start < end, utf8.distance(from: start, to: end) <= maxLength else { return nil }
        if whole {
            var head = utf8.startIndex
            while head < start, isOpeningByte(utf8[head]) || utf8[head] == UInt8(ascii: "-") || utf8[head] == UInt8(ascii: ".") {
                utf8.formIndex(after: &head)
            }
            guard head == start else { return nil }
        }
        let name = String(Substring(utf8[start..<end]))
        return separator == UInt8(ascii: ":") && levelLabels.contains(name.lowercased()) ? nil : name
    }

    /// Level words that prefix a message as a label (`ERROR: <*>`) rather than name a value.
    private static let levelLabels: Set<String> = [
        "trace", "debug", "info", "notice", "warn", "warning", "error", "err", "fatal", "crit", "critical", "severe",
        "alert", "emerg", "panic",
    ]

    /// Whether `text` (what precedes a token's first wildcard) is empty or one quote or bracket.
    private static func isOpening(_ text: Substring) -> Bool {
        text.isEmpty || (text.utf8.count == 1 && isOpeningByte(text.utf8.first!))
    }

    private static func isOpeningByte(_ b: UInt8) -> Bool {
        isQuote(b) || b == UInt8(ascii: "(") || b == UInt8(ascii: "[") || b == UInt8(ascii: "{") || b == UInt8(ascii: "<")
    }

    private static func isQuote(_ b: UInt8) -> Bool { b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") }

    private static func isKeyStart(_ b: UInt8) -> Bool {
        (b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "z")) || b == UInt8(ascii: "_")
    }

    private static func isKeyByte(_ b: UInt8) -> Bool {
        isKeyStart(b) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: ".") || b == UInt8(ascii: "-")
    }
}
