import FaultMavenCore
import Foundation

/// Fluentd `syslog`: RFC 3164 (`<34>Mar  2 08:00:00 host app[123]: msg`, the priority optional,
/// the year inferred from the reference date) and RFC 5424 (`<165>1 2026-03-02T08:00:00Z host app
/// 123 ID47 [sd] msg`). Fields: `pri`, `host`, `ident`, `pid`, and for RFC 5424 `msgid`, `extradata`.
/// Level: the priority's severity when present, else the keyword scan of the message.
struct SyslogFormat: LineFormat {
    var format: LogFormat { .syslog }

    /// `<PRI>`, or the first letter of a month or weekday name (RFC 3164 without a priority).
    func mayStart(with first: UInt8) -> Bool {
        switch ASCII.lower(first) {
        case 0x3C, 0x61, 0x64, 0x66, 0x6A, 0x6D, 0x6E, 0x6F, 0x73, 0x74, 0x77: return true  // < a d f j m n o s t w
        default: return false
        }
    }

    func parse(_ text: String, _ b: Bytes, _ ctx: ParseContext) -> FormatResult? {
        var i = 0
        var pri: Int?
        if i < b.count, b[i] == 0x3C {  // <PRI>
            let run = ASCII.digitRun(b, 1)
            guard run >= 1, run <= 3, 1 + run < b.count, b[1 + run] == 0x3E, let p = ASCII.digits(b, 1, run),
                p <= 191
            else { return nil }
            pri = p
            i = 2 + run
            if i + 1 < b.count, ASCII.isDigit(b[i]), b[i + 1] == ASCII.space || ASCII.isDigit(b[i + 1]) {
                let vRun = ASCII.digitRun(b, i)
                if vRun <= 2, i + vRun < b.count, b[i + vRun] == ASCII.space {
                    return rfc5424(b, i + vRun + 1, p, ctx)
                }
            }
        } else if MonthNames.month3(b, 0) == nil && !MonthNames.isWeekday3(b, 0) {
            return nil
        }
        return rfc3164(b, i, pri, ctx)
    }

    /// RFC 3164 fields, in the order of their mask bits.
    private static let rfc3164Fields = FieldPrototypes(["pri", "host", "ident", "pid"])
    /// RFC 5424 fields, in the order of their mask bits.
    private static let rfc5424Fields = FieldPrototypes(["pri", "host", "ident", "pid", "msgid", "extradata"])

    private func rfc3164(_ b: Bytes, _ start: Int, _ pri: Int?, _ ctx: ParseContext) -> FormatResult? {
        guard let ts = TimestampScanner.prefix(b, start, ctx.time), ts.end < b.count, b[ts.end] == ASCII.space else {
            return nil
        }
        let hostStart = ASCII.skipSpaces(b, ts.end)
        let hostEnd = ASCII.tokenEnd(b, hostStart)
        guard hostEnd > hostStart, hostEnd < b.count else { return nil }
        let tagStart = ASCII.skipSpaces(b, hostEnd)
        var j = tagStart
        while j < b.count, b[j] != ASCII.lbracket, b[j] != ASCII.colon, !ASCII.isSpace(b[j]) { j += 1 }
        var msgStart = tagStart
        var ident: (Int, Int)?
        var pid: (Int, Int)?
        var k = j
        if k < b.count, b[k] == ASCII.lbracket {
            let pRun = ASCII.digitRun(b, k + 1)
            if pRun > 0, k + 1 + pRun < b.count, b[k + 1 + pRun] == ASCII.rbracket {
                pid = (k + 1, k + 1 + pRun)
                k += pRun + 2
            }
        }
        if k + 2 < b.count, b[k] == ASCII.space, b[k + 1] == 0x28 {  // " (detail):" as macOS writes it
            var p = k + 2
            while p < b.count, b[p] != 0x29 { p += 1 }
            if p + 1 < b.count, b[p + 1] == ASCII.colon { k = p + 1 }
        }
        if k < b.count, b[k] == ASCII.colon, j > tagStart {
            ident = (tagStart, j)
            msgStart = k + 1
        } else if pid != nil, k < b.count, ASCII.isSpace(b[k]) {
            ident = (tagStart, j)
            msgStart = k
        }
        let fields = Self.rfc3164Fields.make((pri == nil ? 0 : 1) | 2 | (ident == nil ? 0 : 4) | (pid == nil ? 0 : 8)) {
            switch $0 {
            case 0: String(pri!)
            case 1: ASCII.string(b, hostStart, hostEnd)
            case 2: ASCII.string(b, ident!.0, ident!.1)
            default: ASCII.string(b, pid!.0, pid!.1)
            }
        }
        msgStart = ASCII.skipSpaces(b, msgStart)
        let msgEnd = ASCII.trimEnd(b, msgStart, b.count)
        let level = pri.map { Level(syslogPriority: $0 & 7) } ?? LevelScanner.keyword(b, msgStart, msgEnd) ?? .unknown
        return FormatResult(time: ts.date, level: level, message: ASCII.string(b, msgStart, msgEnd), fields: fields)
    }

    private func rfc5424(_ b: Bytes, _ start: Int, _ pri: Int, _ ctx: ParseContext) -> FormatResult? {
        var i = start
        func token() -> (Int, Int)? {
            let s = i
            let e = ASCII.tokenEnd(b, s)
            guard e > s else { return nil }
            i = e < b.count ? e + 1 : e
            return (s, e)
        }
        guard let ts = token(), let host = token(), let app = token(), let procid = token(), let msgid = token() else {
            return nil
        }
        var time: Date?
        var timeFailed = false
        if !(ts.1 - ts.0 == 1 && b[ts.0] == 0x2D) {
            time = TimestampScanner.value(Bytes(rebasing: b[ts.0..<ts.1]), ctx.time)
            timeFailed = time == nil
        }
        let header = [host, app, procid, msgid]
        var mask = 1
        for (k, range) in header.enumerated() where !(range.1 - range.0 == 1 && b[range.0] == 0x2D) {
            mask |= 2 << k
        }
        var extradata: (Int, Int)?
        // Structured data: "-" or one or more [id key="value" ...] with \] \" \\ escapes inside values.
        if i < b.count, b[i] == 0x2D {
            i += 1
        } else if i < b.count, b[i] == ASCII.lbracket {
            let sdStart = i
            while i < b.count, b[i] == ASCII.lbracket {
                var inQuotes = false
                i += 1
                while i < b.count {
                    let c = b[i]
                    if c == ASCII.backslash { i += 2; continue }
                    if c == ASCII.quote { inQuotes.toggle() } else if c == ASCII.rbracket, !inQuotes { break }
                    i += 1
                }
                guard i < b.count else { return nil }
                i += 1
            }
            extradata = (sdStart, i)
            mask |= 32
        }
        let fields = Self.rfc5424Fields.make(mask) {
            switch $0 {
            case 0: String(pri)
            case 5: ASCII.string(b, extradata!.0, extradata!.1)
            default: ASCII.string(b, header[$0 - 1].0, header[$0 - 1].1)
            }
        }
        var msgStart = ASCII.skipSpaces(b, i)
        if msgStart + 3 <= b.count, b[msgStart] == 0xEF, b[msgStart + 1] == 0xBB, b[msgStart + 2] == 0xBF {
            msgStart += 3  // UTF-8 BOM
        }
        let msgEnd = ASCII.trimEnd(b, msgStart, b.count)
        return FormatResult(
            time: time, level: Level(syslogPriority: pri & 7), message: ASCII.string(b, msgStart, msgEnd),
            fields: fields, timeFailed: timeFailed)
    }
}
