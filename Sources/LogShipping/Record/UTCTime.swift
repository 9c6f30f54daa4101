/// Formats epoch nanoseconds without Foundation's formatters (hot path).
enum UTCTime {
    /// `YYYY-MM-DDTHH:MM:SS.uuuuuuZ`.
    static func iso8601(nanos: Int64) -> String {
        let (secs, frac) = split(nanos)
        let days = secs >= 0 ? secs / 86_400 : (secs - 86_399) / 86_400
        let sod = secs - days * 86_400
        let (y, m, d) = civil(days: days)
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(sod / 3600, 2)):\(pad(sod % 3600 / 60, 2)):\(pad(sod % 60, 2)).\(pad(frac / 1000, 6))Z"
    }

    /// Seconds since the epoch with nine decimals, exact.
    static func epochSeconds(nanos: Int64) -> String {
        let (secs, frac) = split(nanos)
        return "\(secs).\(pad(frac, 9))"
    }

    /// Whole seconds (floored) and the nanoseconds past them (0..<1e9).
    private static func split(_ nanos: Int64) -> (Int64, Int64) {
        var s = nanos / 1_000_000_000
        var f = nanos % 1_000_000_000
        if f < 0 { s -= 1; f += 1_000_000_000 }
        return (s, f)
    }

    /// Proleptic Gregorian date of a day count since 1970-01-01 (H. Hinnant's algorithm).
    private static func civil(days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    private static func pad(_ v: Int64, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
