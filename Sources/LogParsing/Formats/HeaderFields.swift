/// Header pieces shared by `TimestampLevelFormat` and `HeaderFormat`: `|`-separated fields, columns
/// padded with spaces, `program[pid]:` names, and tokens that look like header values rather than words.
enum HeaderFields {
    /// Reads `component|pid|` fields from `i` (fields without spaces, each followed by `|`, at most 4):
    /// a number becomes `pid`, the first other value `logger`. Returns where the message starts.
    static func pipeFields(_ b: Bytes, _ i: Int, _ fields: inout HeadFields) -> Int {
        var start = i
        for _ in 0..<4 {
            var j = start
            while j < b.count, b[j] != 0x7C, !ASCII.isSpace(b[j]) { j += 1 }
            guard j > start, j < b.count, b[j] == 0x7C else { break }
            if ASCII.digitRun(b, start) == j - start {
                if fields.pid == nil { fields.pid = start..<j }
            } else if fields.logger == nil {
                fields.logger = start..<j
            }
            start = j + 1
        }
        return start
    }

    /// When the token `b[s..<e]` is a padded column (two or more spaces after it, then text), the
    /// index of that text (`Info   CBS    Loaded …`: `CBS` is a column, `Loaded` starts the message).
    static func afterPaddedColumn(_ b: Bytes, _ s: Int, _ e: Int) -> Int? {
        guard e - s >= 2, e + 1 < b.count, ASCII.isSpace(b[e]), ASCII.isSpace(b[e + 1]) else { return nil }
        let next = ASCII.skipSpaces(b, e)
        return next < b.count ? next : nil
    }

    /// A `program:` or `program[pid]:` token ending at `e` (the colon at `e - 1`): letters, digits,
    /// `.`, `_`, `-`, `/`, `(`, `)`, starting with a letter, `_` or `/`. Returns the name's end and the pid.
    static func program(_ b: Bytes, _ s: Int, _ e: Int) -> (nameEnd: Int, pid: Range<Int>?)? {
        guard e - s >= 2, b[e - 1] == ASCII.colon else { return nil }
        var nameEnd = e - 1
        var pid: Range<Int>?
        if b[nameEnd - 1] == ASCII.rbracket {
            var k = nameEnd - 2
            while k > s, ASCII.isDigit(b[k]) { k -= 1 }
            guard k > s, b[k] == ASCII.lbracket, k + 1 < nameEnd - 1 else { return nil }
            pid = (k + 1)..<(nameEnd - 1)
            nameEnd = k
        }
        guard nameEnd > s, ASCII.isLetter(b[s]) || b[s] == 0x5F || b[s] == 0x2F else { return nil }
        for k in s..<nameEnd {
            let c = b[k]
            guard ASCII.isLetter(c) || ASCII.isDigit(c) || c == 0x2E || c == 0x5F || c == 0x2D || c == 0x2F
                || c == 0x28 || c == 0x29
            else { return nil }
        }
        return (nameEnd, pid)
    }

    /// A word of prose: letters only, with at least one lower-case letter (`Processed`, `the`).
    /// Header values (ids, hosts, components, tags like `RAS` or `-`) are not words.
    static func isWord(_ b: Bytes, _ s: Int, _ e: Int) -> Bool {
        var lower = false
        for k in s..<e {
            guard ASCII.isLetter(b[k]) else { return false }
            if !ASCII.isUpper(b[k]) { lower = true }
        }
        return lower
    }

    /// True when the token holds only upper-case letters (`RAS`, `KERNEL`).
    static func isUpperWord(_ b: Bytes, _ s: Int, _ e: Int) -> Bool {
        guard e > s else { return false }
        for k in s..<e where !ASCII.isUpper(b[k]) { return false }
        return true
    }
}
