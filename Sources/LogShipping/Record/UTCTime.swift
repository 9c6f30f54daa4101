import FaultMavenCore

/// Formats epoch nanoseconds without Foundation's formatters (hot path).
enum UTCTime {
    /// `YYYY-MM-DDTHH:MM:SS.uuuuuuZ`.
    static func iso8601(nanos: Int64) -> String {
        let (secs, frac) = split(nanos)
        let days = secs >= 0 ? secs / 86_400 : (secs - 86_399) / 86_400
        let sod = secs - days * 86_400
        let (y, m, d) = CivilTime.civilFromDays(Int(days))
        return "\(pad(Int64(y), 4))-\(pad(Int64(m), 2))-\(pad(Int64(d), 2))T\(pad(sod / 3600, 2)):\(pad(sod % 3600 / 60, 2)):\(pad(sod % 60, 2)).\(pad(frac / 1000, 6))Z"
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

    private static func pad(_ v: Int64, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
