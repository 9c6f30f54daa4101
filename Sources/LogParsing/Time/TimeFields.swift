import FaultMavenCore
import Foundation

/// Fields collected while applying a `TimeFormat`, turned into an instant by `resolve`.
struct TimeFields {
    var year: Int?
    var month: Int?
    var day: Int?
    var dayOfYear: Int?
    var hour = 0
    var minute = 0
    var second = 0
    var nanos = 0
    var pm: Bool?
    var offset: Int?
    var epoch: Double?

    /// Reads one token at `i`; returns the index after it, or nil on mismatch.
    mutating func read(_ token: TimeFormatToken, _ b: Bytes, _ i: Int) -> Int? {
        switch token {
        case .literal(let lit):
            guard i + lit.count <= b.count else { return nil }
            for k in 0..<lit.count where b[i + k] != lit[k] { return nil }
            return i + lit.count
        case .whitespace:
            return ASCII.skipSpaces(b, i)
        case .year4:
            guard let v = ASCII.digits(b, i, 4) else { return nil }
            year = v
            return i + 4
        case .year2:
            guard let v = ASCII.digits(b, i, 2) else { return nil }
            year = v >= 69 ? 1900 + v : 2000 + v
            return i + 2
        case .month: return Self.number(b, i, 2, 1...12) { month = $0 }
        case .day: return Self.number(b, ASCII.skipSpaces(b, i), 2, 1...31) { day = $0 }
        case .dayOfYear: return Self.number(b, i, 3, 1...366) { dayOfYear = $0 }
        case .hour24: return Self.number(b, ASCII.skipSpaces(b, i), 2, 0...24) { hour = $0 }
        case .hour12: return Self.number(b, ASCII.skipSpaces(b, i), 2, 1...12) { hour = $0 }
        case .minute: return Self.number(b, i, 2, 0...59) { minute = $0 }
        case .second: return Self.number(b, i, 2, 0...60) { second = $0 }
        case .meridiem:
            guard i + 2 <= b.count, ASCII.lower(b[i + 1]) == 0x6D else { return nil }
            switch ASCII.lower(b[i]) {
            case 0x61: pm = false
            case 0x70: pm = true
            default: return nil
            }
            return i + 2
        case .fraction(let width):
            let run = ASCII.digitRun(b, i)
            let n = width ?? run
            guard n > 0, run >= n else { return nil }
            nanos = Self.nanos(b, i, n)
            return i + n
        case .offset, .zoneName:
            guard let off = TimeZoneRule.offset(b, i) else { return nil }
            offset = off.seconds
            return off.end
        case .monthName:
            guard let m = MonthNames.month(b, i) else { return nil }
            month = m.month
            return m.end
        case .weekdayName:
            return MonthNames.weekdayEnd(b, i)
        case .epochSeconds, .epochMillis:
            var j = i
            let negative = j < b.count && b[j] == 0x2D
            if negative { j += 1 }
            let run = ASCII.digitRun(b, j)
            guard run > 0, run <= 18 else { return nil }
            var v = 0
            for k in j..<(j + run) { v = v * 10 + Int(b[k] - 0x30) }
            var seconds = Double(negative ? -v : v)
            if token == .epochMillis { seconds /= 1000 }
            epoch = seconds
            return j + run
        }
    }

    /// Reads 1...`maxDigits` digits in `range`, calling `set` with the value.
    @inline(__always)
    private static func number(_ b: Bytes, _ i: Int, _ maxDigits: Int, _ range: ClosedRange<Int>, _ set: (Int) -> Void)
        -> Int?
    {
        let run = min(ASCII.digitRun(b, i), maxDigits)
        guard run > 0, let v = ASCII.digits(b, i, run), range.contains(v) else { return nil }
        set(v)
        return i + run
    }

    /// Nanoseconds from the first `n` digits at `i` read as a decimal fraction (digits past 9 ignored).
    @inline(__always)
    static func nanos(_ b: Bytes, _ i: Int, _ n: Int) -> Int {
        var v = 0
        for k in 0..<min(n, 9) { v = v * 10 + Int(b[i + k] - 0x30) }
        for _ in min(n, 9)..<9 { v *= 10 }
        return v
    }

    /// The instant described by the fields, or nil when they do not form a valid date.
    func resolve(_ ctx: TimeContext) -> Date? {
        if let epoch {
            return Date(timeIntervalSince1970: epoch + Double(nanos) / 1e9)
        }
        var h = hour
        if let pm {
            guard (1...12).contains(h) else { return nil }
            h = (h % 12) + (pm ? 12 : 0)
        }
        var m = month
        var d = day
        if let doy = dayOfYear, m == nil {
            let y = year ?? ctx.referenceYear
            guard doy <= (CivilTime.isLeap(y) ? 366 : 365) else { return nil }
            let date = CivilTime.civilFromDays(CivilTime.daysFromCivil(y, 1, 1) + doy - 1)
            m = date.month
            d = date.day
        }
        if m == nil, d == nil, year == nil {
            // Time-only pattern: the reference date supplies the day.
            return ctx.instant(
                year: ctx.referenceYear, month: ctx.referenceMonth, day: ctx.referenceDay, hour: h,
                minute: minute, second: second, nanos: nanos, offset: offset)
        }
        return ctx.instant(
            year: year, month: m ?? 1, day: d ?? 1, hour: h, minute: minute, second: second, nanos: nanos,
            offset: offset)
    }
}
