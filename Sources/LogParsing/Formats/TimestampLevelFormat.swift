import FaultMavenCore
import Foundation

/// The common "TIMESTAMP LEVEL rest" family, without configuration:
/// - Python logging `2026-03-02 08:00:00,444 INFO app.api: msg`
/// - log4j / logback `2026-03-02 08:00:00.237 INFO  [thread] c.e.App - msg`, `... [main] INFO c.e.App - msg`
/// - ISO 8601 lines `2026-03-02T08:00:00Z WARN msg`, bracketed `[2026-03-02 08:00:00] [error] msg`,
///   bracketed levels without a time `[ERROR] msg`, and the shapes `TimestampScanner` knows.
///
/// Between time and level up to two numbers (pid/tid → `pid`, `tid`), one `[thread]` and one
/// `logger -` may appear. After the level an optional `[thread]` (→ `thread`) and a logger name
/// ending in `:` or followed by ` - ` (→ `logger`) are taken off the message. A logger name must look
/// like one (dots, `$`, `_`, `/`, or inner capitals) so a plain first word is never taken.
/// Lines with a time but no level keep the rest as the message (level from the keyword scan).
struct TimestampLevelFormat: LineFormat {
    var format: LogFormat { .timestampLevel }

    func mayStart(with first: UInt8) -> Bool {
        first == ASCII.lbracket || ASCII.isDigit(first) || ASCII.isLetter(first)
    }

    func parse(_ text: String, _ b: Bytes, _ ctx: ParseContext) -> FormatResult? {
        guard !b.isEmpty else { return nil }
        var i = 0
        var time: Date?
        var level: Level?
        var fields = HeadFields()
        if b[0] == ASCII.lbracket {
            guard let close = Self.bracketEnd(b, 0) else { return nil }
            if let ts = TimestampScanner.prefix(b, 1, ctx.time), ASCII.skipSpaces(b, ts.end) == close - 1 {
                time = ts.date
            } else if let l = Self.levelWord(b, ASCII.skipSpaces(b, 1), ASCII.trimEnd(b, 1, close - 1), marked: true) {
                level = l
                let t = ASCII.skipSpaces(b, close)
                if let ts = TimestampScanner.prefix(b, t, ctx.time) {
                    time = ts.date
                    i = ts.end
                    return finishAfterLevel(b, i, time, l, &fields, bracketedLevel: true)
                }
                return finishAfterLevel(b, close, nil, l, &fields, bracketedLevel: true)
            } else {
                return nil
            }
            i = close
        } else {
            guard let ts = TimestampScanner.prefix(b, 0, ctx.time) else { return nil }
            time = ts.date
            i = ts.end
        }
        let afterTime = Self.skipSeparator(b, i)
        // Look for the level among the next few tokens.
        var j = afterTime
        var numbers = 0
        var bracketedLevel = false
        for _ in 0..<5 {
            guard j < b.count else { break }
            let c = b[j]
            if c == ASCII.lbracket {
                guard let close = Self.bracketEnd(b, j) else { break }
                let inner = (ASCII.skipSpaces(b, j + 1), ASCII.trimEnd(b, j + 1, close - 1))
                if let l = Self.levelWord(b, inner.0, inner.1, marked: true) {
                    level = l
                    bracketedLevel = true
                    j = close
                    break
                }
                guard fields.thread == nil else { break }
                fields.thread = (j + 1)..<(close - 1)
                j = Self.skipSeparator(b, close)
                continue
            }
            let end = ASCII.tokenEnd(b, j)
            if ASCII.digitRun(b, j) == end - j, numbers < 2 {
                if numbers == 0 { fields.pid = j..<end } else { fields.tid = j..<end }
                numbers += 1
                j = ASCII.skipSpaces(b, end)
                continue
            }
            var wordEnd = end
            if wordEnd - j > 1, b[wordEnd - 1] == ASCII.colon { wordEnd -= 1 }
            if let l = Self.levelWord(b, j, wordEnd, marked: false, allowLetter: numbers > 0) {
                level = l
                j = end
                break
            }
            if fields.logger == nil, Self.isDashSeparator(b, end), Self.isIdentifier(b, j, end) {
                fields.logger = j..<end
                j = Self.skipSeparator(b, end)
                continue
            }
            break
        }
        guard let level else { return withoutLevel(b, i, afterTime, time) }
        return finishAfterLevel(b, j, time, level, &fields, bracketedLevel: bracketedLevel)
    }

    /// A line with a time but no level: the message starts after the time, after `|`-separated
    /// header fields (`time|component|pid|msg`), or after a program name (dotted, `$`, `_`, `/`, or
    /// inner capitals) and an optional qualifier without letters, followed by ` - `
    /// (`[10.30 16:49:06] chrome.exe *64 - msg`); the level comes from the keyword scan.
    private func withoutLevel(_ b: Bytes, _ timeEnd: Int, _ afterTime: Int, _ time: Date?) -> FormatResult {
        var start = afterTime
        var fields = HeadFields()
        let first = ASCII.skipSpaces(b, timeEnd)
        if first < b.count, b[first] == 0x7C {
            start = HeaderFields.pipeFields(b, afterTime, &fields)
        } else if let (logger, next) = Self.programBeforeDash(b, afterTime) {
            fields.logger = logger
            start = next
        }
        let msgEnd = ASCII.trimEnd(b, start, b.count)
        return FormatResult(
            time: time, level: LevelScanner.keyword(b, start, msgEnd) ?? .unknown,
            message: ASCII.string(b, start, msgEnd), fields: fields.dictionary(b))
    }

    /// `name - ` or `name *64 - ` at `i`, where the name looks like a program or logger (`360AP.exe`): its range and
    /// the index after the separator.
    private static func programBeforeDash(_ b: Bytes, _ i: Int) -> (Range<Int>, Int)? {
        let end = ASCII.tokenEnd(b, i)
        guard end - i >= 2, isIdentifier(b, i, end) || (ASCII.isDigit(b[i]) && isIdentifier(b, i + ASCII.digitRun(b, i), end)),
            looksLikeLogger(b, i, end)
        else { return nil }
        if isDashSeparator(b, end) { return (i..<end, skipSeparator(b, end)) }
        let q = ASCII.skipSpaces(b, end)
        let qEnd = ASCII.tokenEnd(b, q)
        guard qEnd > q, qEnd - q <= 8, !(q..<qEnd).contains(where: { ASCII.isLetter(b[$0]) }), b[q] != 0x2D,
            isDashSeparator(b, qEnd)
        else { return nil }
        return (i..<end, skipSeparator(b, qEnd))
    }

    /// Takes an optional `[thread]` (not after a bracketed level: Apache's `[error] [client 1.2.3.4]`
    /// belongs to the message) and logger name after the level; the rest is the message.
    private func finishAfterLevel(
        _ b: Bytes, _ from: Int, _ time: Date?, _ level: Level, _ fields: inout HeadFields, bracketedLevel: Bool
    ) -> FormatResult {
        var i = Self.skipSeparator(b, from)
        if !bracketedLevel, i < b.count, b[i] == ASCII.lbracket, fields.thread == nil,
            let close = Self.bracketEnd(b, i)
        {
            fields.thread = (i + 1)..<(close - 1)
            i = Self.skipSeparator(b, close)
        }
        let end = ASCII.tokenEnd(b, i)
        if fields.logger == nil, end - i >= 2 {
            if b[end - 1] == ASCII.colon, Self.isIdentifier(b, i, end - 1), Self.looksLikeLogger(b, i, end - 1) {
                fields.logger = i..<(end - 1)
                i = ASCII.skipSpaces(b, end)
            } else if Self.isDashSeparator(b, end), Self.isIdentifier(b, i, end) {
                fields.logger = i..<end
                i = Self.skipSeparator(b, end)
            } else if !bracketedLevel, let next = HeaderFields.afterPaddedColumn(b, i, end), Self.isIdentifier(b, i, end) {
                fields.logger = i..<end
                i = next
            }
        }
        let msgEnd = ASCII.trimEnd(b, i, b.count)
        return FormatResult(
            time: time, level: level, message: ASCII.string(b, i, msgEnd), fields: fields.dictionary(b))
    }

    // MARK: - pieces

    /// Level words accepted outside brackets in lower/mixed case (lower case bytes); anything
    /// `Level(word:)` knows is accepted in upper case or inside brackets.
    private static let plainWords: [[UInt8]] = [
        "trace", "debug", "info", "notice", "warn", "warning", "error", "err", "fatal", "critical", "crit",
        "severe", "panic", "emerg", "alert", "verbose",
    ].map { Array($0.utf8) }

    /// A level word in `b[s..<e]`. Single letters (`D`, `I`, Android/klog style) only when `allowLetter`.
    static func levelWord(_ b: Bytes, _ s: Int, _ e: Int, marked: Bool, allowLetter: Bool = false) -> Level? {
        let n = e - s
        guard n >= 1, n <= 11 else { return nil }
        if n == 1 {
            guard allowLetter, ASCII.isUpper(b[s]), e == b.count || ASCII.isSpace(b[e]) else { return nil }
            return LevelWords.level(b, s, e)
        }
        var upper = true
        for k in s..<e {
            guard ASCII.isLetter(b[k]) else { return nil }
            if !ASCII.isUpper(b[k]) { upper = false }
        }
        guard marked || upper || isPlainWord(b, s, e) else { return nil }
        return LevelWords.level(b, s, e)
    }

    /// True when the letters `b[s..<e]` are one of `plainWords` in any case.
    private static func isPlainWord(_ b: Bytes, _ s: Int, _ e: Int) -> Bool {
        plainWords.contains { word in
            word.count == e - s && word.indices.allSatisfy { word[$0] == b[s + $0] | 0x20 }
        }
    }

    /// Index after the `]` matching the `[` at `i` (nesting allowed, at most 512 bytes), or nil.
    static func bracketEnd(_ b: Bytes, _ i: Int) -> Int? {
        var depth = 0
        var j = i
        let limit = min(b.count, i + 512)
        while j < limit {
            if b[j] == ASCII.lbracket { depth += 1 }
            else if b[j] == ASCII.rbracket {
                depth -= 1
                if depth == 0 { return j + 1 }
            }
            j += 1
        }
        return nil
    }

    /// Skips spaces, then one separator (`|`, or `-`, `,`, `:` followed by a space), then spaces.
    static func skipSeparator(_ b: Bytes, _ i: Int) -> Int {
        var j = ASCII.skipSpaces(b, i)
        if j < b.count, b[j] == 0x7C {  // '|' needs no space after it
            j = ASCII.skipSpaces(b, j + 1)
        } else if j < b.count, b[j] == 0x2D || b[j] == 0x2C || b[j] == ASCII.colon,
            j + 1 == b.count || ASCII.isSpace(b[j + 1])
        {
            j = ASCII.skipSpaces(b, j + 1)
        }
        return j
    }

    /// True when ` - ` (spaces, a dash, a space) starts at `i`.
    static func isDashSeparator(_ b: Bytes, _ i: Int) -> Bool {
        let j = ASCII.skipSpaces(b, i)
        return j > i && j + 1 < b.count && b[j] == 0x2D && ASCII.isSpace(b[j + 1])
    }

    /// Letters, digits, `.`, `_`, `$`, `-`, `/`, `@`, `#`; starting with a letter or `_`.
    static func isIdentifier(_ b: Bytes, _ s: Int, _ e: Int) -> Bool {
        guard e > s, ASCII.isLetter(b[s]) || b[s] == 0x5F else { return false }
        for k in s..<e {
            let c = b[k]
            guard ASCII.isLetter(c) || ASCII.isDigit(c) || c == 0x2E || c == 0x5F || c == 0x24 || c == 0x2D
                || c == 0x2F || c == 0x40 || c == 0x23
            else { return false }
        }
        return true
    }

    /// A logger name has a dot, `$`, `_` or `/`, or a capital after its first letter (`WindowManager`).
    static func looksLikeLogger(_ b: Bytes, _ s: Int, _ e: Int) -> Bool {
        for k in s..<e {
            let c = b[k]
            if c == 0x2E || c == 0x24 || c == 0x5F || c == 0x2F { return true }
            if k > s, ASCII.isUpper(c) { return true }
        }
        return false
    }
}
