import FaultMavenCore

/// Finds a level in text. Conservative on purpose: a plain word inside a sentence never sets a level.
///
/// Keyword scan (used when a format has no level of its own) looks at the first two tokens of the
/// message only, and accepts:
/// - a level word in brackets or before a colon, any case: `[error]`, `<warn>`, `Error:`, `warn:`;
/// - an upper-case level word of 3+ letters: `ERROR`, `WARN`, `FATAL`, `CRITICAL`, `ERR`;
/// - an exception name (`java.io.IOException:`, `ValueError:`) or `Traceback` → `error`.
enum LevelScanner {
    /// A level word (`ERROR`, `Warning`, `I`) as `Level(word:)` reads it; nil for anything longer than 13 bytes
    /// or containing non-letters.
    @inline(__always)
    static func word(_ b: Bytes, _ from: Int, _ to: Int) -> Level? {
        let n = to - from
        guard n > 0, n <= 13 else { return nil }
        for k in from..<to where !ASCII.isLetter(b[k]) { return nil }
        return LevelWords.level(b, from, to)
    }

    /// A level from a structured value: a word, a syslog priority `0`...`7`, or a pino/bunyan
    /// number (`10` trace ... `60` fatal).
    static func value(_ s: String) -> Level? {
        if let l = s.withBytes({ LevelWords.level($0, 0, $0.count) }) { return l }
        guard let n = Int(s) else { return nil }
        switch n {
        case 0...7: return Level(syslogPriority: n)
        case 10: return .trace
        case 20: return .debug
        case 30: return .info
        case 40: return .warn
        case 50: return .error
        case 60: return .fatal
        default: return nil
        }
    }

    /// Keyword scan of the head of `b[from..<to]` (see the type's documentation).
    static func keyword(_ b: Bytes, _ from: Int, _ to: Int) -> Level? {
        var i = ASCII.skipSpaces(b, from)
        var tokens = 0
        while i < to, tokens < 2 {
            var end = i
            while end < to, !ASCII.isSpace(b[end]) { end += 1 }
            if let level = token(b, i, end) { return level }
            tokens += 1
            i = ASCII.skipSpaces(b, end)
        }
        return nil
    }

    /// Same as `keyword(_:_:_:)` for a `String`.
    static func keyword(_ s: String) -> Level? { s.withBytes { keyword($0, 0, $0.count) } }

    private static func token(_ b: Bytes, _ start: Int, _ end: Int) -> Level? {
        var s = start
        var e = end
        var marked = false
        if e - s >= 3, b[s] == ASCII.lbracket || b[s] == 0x3C || b[s] == 0x28 {  // [ < (
            let close = b[e - 1] == 0x3A ? b[e - 2] : b[e - 1]
            guard close == ASCII.rbracket || close == 0x3E || close == 0x29 else { return nil }
            s += 1
            e -= b[e - 1] == 0x3A ? 2 : 1
            marked = true
        } else if e - s >= 2, b[e - 1] == ASCII.colon {
            e -= 1
            marked = true
        }
        let n = e - s
        guard n >= 3 else { return nil }
        if ASCII.hasPrefix(b, s, "Traceback") && n == 9 { return .error }
        if endsWith(b, s, e, "Exception") || endsWith(b, s, e, "Error") && n > 5 && marked {
            return .error
        }
        var upper = true
        for k in s..<e {
            guard ASCII.isLetter(b[k]) else { return nil }
            if !ASCII.isUpper(b[k]) { upper = false }
        }
        guard marked || upper else { return nil }
        return LevelWords.level(b, s, e)
    }

    private static func endsWith(_ b: Bytes, _ s: Int, _ e: Int, _ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        return e - s >= n && ASCII.hasPrefix(b, e - n, suffix)
    }
}
