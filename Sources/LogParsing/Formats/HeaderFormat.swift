import FaultMavenCore
import Foundation

/// Lines whose header does not begin with the time: a timestamp among the first tokens (any shape
/// `TimestampScanner` reads at a token start, or a whole token such as epoch seconds `1117838570` or
/// a date `2005.06.03`); the line must begin with a header value (an id, host, tag or `-`, not a
/// word of prose), so `Processed 1234567890 bytes` is no header. After the
/// time, the header runs on over header values and further timestamps and ends at
///
/// - an upper-case level word (`RAS KERNEL INFO msg`), followed by an optional logger and its
///   bracketed context (`25746 INFO nova.compute.manager [req-1 - -] msg`), or
/// - a `program:` / `program[pid]:` after a host (`dn228/dn228 crond[2915]: msg`), or
/// - otherwise at the end of the last timestamp and the numbers right after it
///   (`node-246 unix.hw state_change 1077804742 1 msg`).
///
/// Tried last in auto mode: only lines no other format reads reach it.
struct HeaderFormat: LineFormat {
    var format: LogFormat { .header }

    /// Tokens scanned before the timestamp, and after it.
    static let leadTokens = 6
    static let headerTokens = 10

    func mayStart(with first: UInt8) -> Bool { first != 0x7B && !ASCII.isSpace(first) }

    func parse(_ text: String, _ b: Bytes, _ ctx: ParseContext) -> FormatResult? {
        guard let (time, timeEnd) = Self.leadingTime(b, ctx) else { return nil }
        var fields = HeadFields()
        var messageStart = Self.skipNumbers(b, timeEnd, &fields)
        var afterHost = false
        var j = ASCII.skipSpaces(b, timeEnd)
        for _ in 0..<Self.headerTokens {
            guard j < b.count else { break }
            if let ts = TimestampScanner.prefix(b, j, ctx.time) {
                messageStart = Self.skipNumbers(b, ts.end, &fields)
                j = ASCII.skipSpaces(b, ts.end)
                afterHost = false
                continue
            }
            let e = ASCII.tokenEnd(b, j)
            if Self.tokenTime(b, j, e, ctx) != nil {
                messageStart = Self.skipNumbers(b, e, &fields)
                j = ASCII.skipSpaces(b, e)
                afterHost = false
                continue
            }
            if HeaderFields.isUpperWord(b, j, e), let level = LevelWords.level(b, j, e) {
                return Self.afterLevel(b, e, time, level, &fields)
            }
            if afterHost, let p = HeaderFields.program(b, j, e) {
                fields.logger = j..<p.nameEnd
                if let pid = p.pid { fields.pid = pid }
                return Self.result(b, ASCII.skipSpaces(b, e), time, nil, fields)
            }
            guard !HeaderFields.isWord(b, j, e) else { break }
            afterHost = ASCII.digitRun(b, j) != e - j
            j = ASCII.skipSpaces(b, e)
        }
        return Self.result(b, messageStart, time, nil, fields)
    }

    /// The first timestamp among the first `leadTokens` tokens, after header values only.
    static func leadingTime(_ b: Bytes, _ ctx: ParseContext) -> (Date, Int)? {
        let start = ASCII.skipSpaces(b, 0)
        var j = start
        for _ in 0..<leadTokens {
            guard j < b.count else { return nil }
            if let ts = TimestampScanner.prefix(b, j, ctx.time) { return (ts.date, ts.end) }
            let e = ASCII.tokenEnd(b, j)
            if let date = tokenTime(b, j, e, ctx) { return (date, e) }
            guard j > start || !HeaderFields.isWord(b, j, e) else { return nil }
            j = ASCII.skipSpaces(b, e)
        }
        return nil
    }

    /// A whole token that is a time by itself: epoch seconds (10 digits) or a date (`2005.06.03`).
    static func tokenTime(_ b: Bytes, _ s: Int, _ e: Int, _ ctx: ParseContext) -> Date? {
        guard e - s >= 8, ASCII.isDigit(b[s]) else { return nil }
        let digits = ASCII.digitRun(b, s)
        guard digits == 10 || (digits == 4 && e - s == 10) else { return nil }
        return TimestampScanner.value(Bytes(rebasing: b[s..<e]), ctx.time)
    }

    /// Skips numbers right after a time (`1077804742 1 msg`, `1060340885 -1 msg`: header flags); the
    /// first unsigned one becomes `pid`. Returns where the message would start.
    private static func skipNumbers(_ b: Bytes, _ i: Int, _ fields: inout HeadFields) -> Int {
        var j = ASCII.skipSpaces(b, i)
        for _ in 0..<2 {
            let sign = j < b.count && b[j] == 0x2D ? 1 : 0
            let run = ASCII.digitRun(b, j + sign)
            let end = j + sign + run
            guard run > 0, run <= 8, end < b.count, ASCII.isSpace(b[end]) else { break }
            if fields.pid == nil, sign == 0 { fields.pid = j..<end }
            j = ASCII.skipSpaces(b, end)
        }
        return j
    }

    /// After the level: an optional logger (`name:`, `name - `, or a dotted name before its
    /// bracketed context `nova.api [req-1 - -]`), then the message.
    private static func afterLevel(
        _ b: Bytes, _ levelEnd: Int, _ time: Date, _ level: Level, _ fields: inout HeadFields
    ) -> FormatResult? {
        typealias T = TimestampLevelFormat
        var i = ASCII.skipSpaces(b, levelEnd)
        let end = ASCII.tokenEnd(b, i)
        if end - i >= 2 {
            let bracket = ASCII.skipSpaces(b, end)
            if b[end - 1] == ASCII.colon, T.isIdentifier(b, i, end - 1), T.looksLikeLogger(b, i, end - 1) {
                fields.logger = i..<(end - 1)
                i = ASCII.skipSpaces(b, end)
            } else if T.isDashSeparator(b, end), T.isIdentifier(b, i, end) {
                fields.logger = i..<end
                i = T.skipSeparator(b, end)
            } else if bracket > end, bracket < b.count, b[bracket] == ASCII.lbracket, T.isIdentifier(b, i, end),
                T.looksLikeLogger(b, i, end), let close = T.bracketEnd(b, bracket)
            {
                fields.logger = i..<end
                fields.context = (bracket + 1)..<(close - 1)
                i = ASCII.skipSpaces(b, close)
            }
        }
        return result(b, i, time, level, fields)
    }

    /// The event, or nil when no message is left (a line that is only a number or a time is no header).
    private static func result(_ b: Bytes, _ start: Int, _ time: Date, _ level: Level?, _ fields: HeadFields)
        -> FormatResult?
    {
        let end = ASCII.trimEnd(b, start, b.count)
        guard start < end else { return nil }
        return FormatResult(
            time: time, level: level ?? LevelScanner.keyword(b, start, end) ?? .unknown,
            message: ASCII.string(b, start, end), fields: fields.dictionary(b))
    }
}
