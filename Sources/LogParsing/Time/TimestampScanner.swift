import Foundation

/// Recognizes common timestamp shapes without a configured format:
/// ISO 8601 / RFC 3339 (`T` or space, `.`/`,` fractions, `Z` or offsets), `YYYY/MM/DD`, `YYYY.MM.DD`, syslog
/// year-less `Mar  2 08:00:00`, Apache `02/Mar/2026:08:00:00 +0000`, ctime `Sun Mar 02 08:00:00 2026`,
/// RFC 1123 `Mon, 02 Mar 2026 08:00:00 GMT`, compact `20260302-08:00:00`, `YYMMDD HHMMSS`,
/// `YY/MM/DD HH:MM:SS`, `MM-DD HH:MM:SS.mmm`, `MM.DD HH:MM:SS`, and (for whole values only) epoch seconds/millis/micros/nanos.
enum TimestampScanner {
    /// A timestamp at `b[i...]`; returns the instant and the index after it.
    static func prefix(_ b: Bytes, _ i: Int, _ ctx: TimeContext) -> (date: Date, end: Int)? {
        guard i < b.count else { return nil }
        if ASCII.isDigit(b[i]) { return digitLed(b, i, ctx, requireTime: true) }
        if ASCII.isLetter(b[i]) { return letterLed(b, i, ctx) }
        return nil
    }

    /// A whole value such as a JSON `time` field: any shape above, a date alone, or an epoch number.
    static func value(_ b: Bytes, _ ctx: TimeContext) -> Date? {
        let start = ASCII.skipSpaces(b, 0)
        let end = ASCII.trimEnd(b, start, b.count)
        guard start < end else { return nil }
        let v = Bytes(rebasing: b[start..<end])
        if let r = epoch(v) { return r }
        let found = ASCII.isDigit(v[0]) ? digitLed(v, 0, ctx, requireTime: false) : letterLed(v, 0, ctx)
        guard let found, found.end == v.count else { return nil }
        return found.date
    }

    /// Same as `value(_:_:)` for a `String`.
    static func value(_ s: String, _ ctx: TimeContext) -> Date? { s.withBytes { value($0, ctx) } }

    // MARK: - shapes

    private static func epoch(_ b: Bytes) -> Date? {
        let run = ASCII.digitRun(b, 0)
        guard run >= 9, run <= 19 else { return nil }
        var frac = 0
        if run < b.count {
            guard b[run] == 0x2E, run + 1 < b.count else { return nil }
            let fr = ASCII.digitRun(b, run + 1)
            guard fr > 0, run + 1 + fr == b.count else { return nil }
            frac = TimeFields.nanos(b, run + 1, fr)
        }
        var v = 0
        for k in 0..<run { v = v * 10 + Int(b[k] - 0x30) }
        let scale: Double = run <= 11 ? 1 : run <= 14 ? 1e3 : run <= 17 ? 1e6 : 1e9
        return Date(timeIntervalSince1970: Double(v) / scale + Double(frac) / 1e9 / scale)
    }

    private static func digitLed(_ b: Bytes, _ i: Int, _ ctx: TimeContext, requireTime: Bool)
        -> (date: Date, end: Int)?
    {
        let run = ASCII.digitRun(b, i)
        let next = i + run < b.count ? b[i + run] : 0
        switch (run, next) {
        case (4, 0x2D), (4, 0x2F), (4, 0x2E):  // 2026-03-02 / 2026/03/02 / 2026.03.02
            return yearFirst(b, i, ctx, requireTime: requireTime)
        case (8, _):  // 20260302-08:00:00 / 20260302T080000Z
            guard let y = ASCII.digits(b, i, 4), let mo = ASCII.digits(b, i + 4, 2),
                let d = ASCII.digits(b, i + 6, 2)
            else { return nil }
            let sep = i + 8
            guard sep < b.count, b[sep] == 0x2D || b[sep] == 0x54 || b[sep] == ASCII.space else {
                return requireTime ? nil : finish(b, sep, ctx, y, mo, d, nil)
            }
            return finish(b, sep + 1, ctx, y, mo, d, clock(b, sep + 1, compact: true))
        case (6, ASCII.space) where ASCII.digitRun(b, i + 7) == 6:  // 081109 203615
            guard let yy = ASCII.digits(b, i, 2), let mo = ASCII.digits(b, i + 2, 2), let d = ASCII.digits(b, i + 4, 2)
            else { return nil }
            return finish(b, i + 7, ctx, 2000 + yy, mo, d, clock(b, i + 7, compact: true))
        case (2, 0x2F), (1, 0x2F):  // 02/Mar/2026:08:00:00 +0000, or 17/06/09 20:10:40
            if let m = MonthNames.month3(b, i + run + 1) { return apache(b, i, run, m, ctx) }
            return shortDate(b, i, separator: 0x2F, ctx)
        case (2, 0x2D), (2, 0x2E):  // 03-17 16:13:38.811, 10.30 16:49:06 (month-day, year from the reference)
            return shortDate(b, i, separator: next, ctx)
        default:
            return nil
        }
    }

    /// `YYYY-MM-DD` / `YYYY/M/D` / `YYYY.MM.DD`, then `T`, `t`, `_` or spaces and a clock, then an optional zone.
    private static func yearFirst(_ b: Bytes, _ i: Int, _ ctx: TimeContext, requireTime: Bool)
        -> (date: Date, end: Int)?
    {
        let sep = b[i + 4]
        guard let y = ASCII.digits(b, i, 4) else { return nil }
        var j = i + 5
        let mo: Int, d: Int
        if i + 10 <= b.count, b[i + 7] == sep, let mm = ASCII.twoDigits(b, i + 5), let dd = ASCII.twoDigits(b, i + 8) {
            // `YYYY-MM-DD`, the usual shape: what the general branch below reads from it, without its loops.
            (mo, d) = (mm, dd)
            j = i + 10
        } else {
            let mRun = min(ASCII.digitRun(b, j), 2)
            guard mRun > 0, let mm = ASCII.digits(b, j, mRun) else { return nil }
            j += mRun
            guard j < b.count, b[j] == sep else { return nil }
            j += 1
            let dRun = min(ASCII.digitRun(b, j), 2)
            guard dRun > 0, let dd = ASCII.digits(b, j, dRun) else { return nil }
            j += dRun
            (mo, d) = (mm, dd)
        }
        if j < b.count, b[j] == 0x54 || b[j] == 0x74 || b[j] == 0x5F || b[j] == ASCII.space {
            let t = ASCII.skipSpaces(b, j + 1)
            if let c = clock(b, t, compact: false) { return finish(b, t, ctx, y, mo, d, c) }
        }
        return requireTime ? nil : finish(b, j, ctx, y, mo, d, nil)
    }

    /// `YY/MM/DD hh:mm:ss` (yy first when it cannot be a month, else `MM/DD/YY`), `MM-DD hh:mm:ss` or `MM.DD hh:mm:ss`.
    private static func shortDate(_ b: Bytes, _ i: Int, separator: UInt8, _ ctx: TimeContext)
        -> (date: Date, end: Int)?
    {
        guard let a = ASCII.digits(b, i, 2), i + 5 < b.count, b[i + 2] == separator,
            let c = ASCII.digits(b, i + 3, 2)
        else { return nil }
        var j = i + 5
        var year: Int?
        var month = a
        var day = c
        if separator == 0x2F {
            guard j + 2 < b.count, b[j] == separator, let e = ASCII.digits(b, j + 1, 2) else { return nil }
            j += 3
            if a > 12 { (year, month, day) = (2000 + a, c, e) } else { (year, month, day) = (2000 + e, a, c) }
        }
        guard j < b.count, b[j] == ASCII.space else { return nil }
        let t = ASCII.skipSpaces(b, j)
        guard let clk = clock(b, t, compact: false) else { return nil }
        return finish(b, t, ctx, year, month, day, clk)
    }

    /// `02/Mar/2026:08:00:00 +0000`.
    private static func apache(_ b: Bytes, _ i: Int, _ dRun: Int, _ month: Int, _ ctx: TimeContext)
        -> (date: Date, end: Int)?
    {
        guard let d = ASCII.digits(b, i, dRun) else { return nil }
        var j = i + dRun + 5
        guard j < b.count, b[j - 1] == 0x2F, let y = ASCII.digits(b, j, 4) else { return nil }
        j += 4
        guard j < b.count, b[j] == ASCII.colon else { return nil }
        return finish(b, j + 1, ctx, y, month, d, clock(b, j + 1, compact: false))
    }

    /// Syslog `Mar  2 08:00:00`, ctime `Sun Mar  2 08:00:00 2026`, RFC 1123 `Mon, 02 Mar 2026 08:00:00 GMT`.
    private static func letterLed(_ b: Bytes, _ i: Int, _ ctx: TimeContext) -> (date: Date, end: Int)? {
        var j = i
        var weekday = false
        if MonthNames.isWeekday3(b, j), let end = MonthNames.weekdayEnd(b, j) {
            weekday = true
            j = end
            if j < b.count, b[j] == 0x2C {  // RFC 1123
                j = ASCII.skipSpaces(b, j + 1)
                let dRun = min(ASCII.digitRun(b, j), 2)
                guard dRun > 0, let d = ASCII.digits(b, j, dRun) else { return nil }
                j = ASCII.skipSpaces(b, j + dRun)
                guard let m = MonthNames.month3(b, j) else { return nil }
                j = ASCII.skipSpaces(b, j + 3)
                guard let y = ASCII.digits(b, j, 4) else { return nil }
                let t = ASCII.skipSpaces(b, j + 4)
                return finish(b, t, ctx, y, m, d, clock(b, t, compact: false), zoneAfterSpace: true)
            }
            j = ASCII.skipSpaces(b, j)
        }
        guard let m = MonthNames.month3(b, j), j + 3 < b.count, b[j + 3] == ASCII.space else { return nil }
        j = ASCII.skipSpaces(b, j + 3)
        let dRun = min(ASCII.digitRun(b, j), 2)
        guard dRun > 0, let d = ASCII.digits(b, j, dRun), j + dRun < b.count, b[j + dRun] == ASCII.space else {
            return nil
        }
        j = ASCII.skipSpaces(b, j + dRun)
        // "Mar 2 2026 08:00:00" (year before the clock)
        var year: Int?
        if ASCII.digitRun(b, j) == 4, j + 4 < b.count, b[j + 4] == ASCII.space, let y = ASCII.digits(b, j, 4) {
            year = y
            j = ASCII.skipSpaces(b, j + 4)
        }
        guard let clk = clock(b, j, compact: false) else { return nil }
        if weekday, year == nil, clk.end < b.count, b[clk.end] == ASCII.space,
            ASCII.digitRun(b, clk.end + 1) == 4, let y = ASCII.digits(b, clk.end + 1, 4)
        {
            guard let date = ctx.instant(
                year: y, month: m, day: d, hour: clk.h, minute: clk.m, second: clk.s, nanos: clk.nanos, offset: nil)
            else { return nil }
            return (date, clk.end + 5)
        }
        return finish(b, j, ctx, year, m, d, clk)
    }

    // MARK: - pieces

    typealias Clock = (h: Int, m: Int, s: Int, nanos: Int, end: Int)

    /// `hh:mm:ss` (also unpadded: `0:0:5`) with an optional `.`/`,` fraction (or `:m`…`:mmm` milliseconds), or `hhmmss` when `compact`.
    @inline(__always)
    static func clock(_ b: Bytes, _ i: Int, compact: Bool) -> Clock? {
        var j = i
        let h: Int, m: Int, s: Int
        let hRun = ASCII.digitRun(b, j)
        if hRun == 2, j + 8 <= b.count, b[j + 2] == ASCII.colon, b[j + 5] == ASCII.colon,
            let hh = ASCII.twoDigits(b, j), let mm = ASCII.twoDigits(b, j + 3), let ss = ASCII.twoDigits(b, j + 6)
        {
            // `hh:mm:ss`, the usual shape: what the general branch below reads from it, without its loops.
            (h, m, s) = (hh, mm, ss)
            j += 8
        } else if hRun == 1 || hRun == 2, let hh = ASCII.digits(b, j, hRun), j + hRun < b.count, b[j + hRun] == ASCII.colon {
            // Hours, minutes and seconds may be written unpadded (`0:0:0:215`, `22:16:0:119`).
            j += hRun + 1
            let mRun = min(ASCII.digitRun(b, j), 2)
            guard mRun > 0, let mm = ASCII.digits(b, j, mRun), j + mRun < b.count, b[j + mRun] == ASCII.colon
            else { return nil }
            j += mRun + 1
            let sRun = min(ASCII.digitRun(b, j), 2)
            guard sRun > 0, let ss = ASCII.digits(b, j, sRun) else { return nil }
            (h, m, s) = (hh, mm, ss)
            j += sRun
        } else if compact, ASCII.digitRun(b, j) >= 6, let hh = ASCII.digits(b, j, 2),
            let mm = ASCII.digits(b, j + 2, 2), let ss = ASCII.digits(b, j + 4, 2)
        {
            (h, m, s) = (hh, mm, ss)
            j += 6
        } else {
            return nil
        }
        guard h <= 24, m <= 59, s <= 60, j >= b.count || !ASCII.isDigit(b[j]) else { return nil }
        var nanos = 0
        if j + 1 < b.count, b[j] == 0x2E || b[j] == 0x2C || b[j] == ASCII.colon {
            let run = ASCII.digitRun(b, j + 1)
            if b[j] == ASCII.colon {
                // `:mmm` is a count of milliseconds, written unpadded by some loggers (`:6`, `:61`).
                if (1...3).contains(run), let ms = ASCII.digits(b, j + 1, run) {
                    nanos = ms * 1_000_000
                    j += 1 + run
                }
            } else if run > 0 {
                nanos = TimeFields.nanos(b, j + 1, run)
                j += 1 + run
            }
        }
        return (h, m, s, nanos, j)
    }

    /// Reads an optional zone right after the clock (`Z`, `+09:00`), or after one space when
    /// `zoneAfterSpace` or when the zone is a numeric offset followed by a space or the end.
    @inline(__always)
    private static func finish(
        _ b: Bytes, _ clockStart: Int, _ ctx: TimeContext, _ y: Int?, _ mo: Int, _ d: Int, _ clk: Clock?,
        zoneAfterSpace: Bool = false
    ) -> (date: Date, end: Int)? {
        guard let clk else {
            guard let date = ctx.instant(
                year: y, month: mo, day: d, hour: 0, minute: 0, second: 0, nanos: 0, offset: nil)
            else { return nil }
            return (date, clockStart)
        }
        var end = clk.end
        var offset: Int?
        if let z = TimeZoneRule.offset(b, end), z.end >= b.count || !ASCII.isLetter(b[z.end]) {
            offset = z.seconds
            end = z.end
        } else if end + 1 < b.count, b[end] == ASCII.space {
            let c = b[end + 1]
            if zoneAfterSpace || c == 0x2B || c == 0x2D, let z = TimeZoneRule.offset(b, end + 1),
                z.end == b.count || ASCII.isSpace(b[z.end]) || b[z.end] == ASCII.rbracket,
                zoneAfterSpace || z.end - end >= 5
            {
                offset = z.seconds
                end = z.end
            }
        }
        guard let date = ctx.instant(
            year: y, month: mo, day: d, hour: clk.h, minute: clk.m, second: clk.s, nanos: clk.nanos, offset: offset)
        else { return nil }
        return (date, end)
    }
}
