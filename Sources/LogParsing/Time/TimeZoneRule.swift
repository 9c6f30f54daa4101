import Foundation
import FaultMavenCore

/// How a wall-clock time without its own zone is turned into an instant.
enum TimeZoneRule: Sendable, Hashable {
    /// A fixed offset east of UTC, in seconds (`0` = UTC).
    case fixed(Int)
    /// A named zone (`Asia/Tokyo`); its offset is looked up per instant, so DST is honoured.
    case named(TimeZone)

    /// Parses `+09:00`, `-0500`, `+09`, `UTC`, `GMT`, `Z`, or an IANA zone name.
    /// - Throws: `FaultMavenError.badInput` naming the value when it is none of these.
    init(parsing text: String) throws {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let off = t.withBytes({ TimeZoneRule.offset($0, 0) }), off.end == t.utf8.count {
            self = .fixed(off.seconds)
        } else if let tz = TimeZone(identifier: t), !t.isEmpty {
            self = .named(tz)
        } else {
            throw FaultMavenError.badInput(
                "invalid timezone '\(text)': expected an offset like +09:00 or a zone name like Asia/Tokyo")
        }
    }

    /// Converts seconds of a zone-less wall-clock time (read as if UTC) to epoch seconds.
    @inline(__always)
    func toUTC(_ wall: Double) -> Double {
        switch self {
        case .fixed(let off): return wall - Double(off)
        case .named(let tz):
            let first = tz.secondsFromGMT(for: Date(timeIntervalSince1970: wall))
            let second = tz.secondsFromGMT(for: Date(timeIntervalSince1970: wall - Double(first)))
            return wall - Double(second)
        }
    }

    /// Reads a zone designator at `i`: `Z`, `UTC`, `GMT`, `+hh:mm`, `+hhmm`, `+hh` (sign `-` too).
    /// Returns the offset east of UTC in seconds and the end index.
    static func offset(_ b: Bytes, _ i: Int) -> (seconds: Int, end: Int)? {
        guard i < b.count else { return nil }
        let c = b[i]
        if c == 0x5A || c == 0x7A { return (0, i + 1) }  // Z z
        if ASCII.hasPrefix(b, i, "UTC") || ASCII.hasPrefix(b, i, "GMT") {
            let j = i + 3
            if j < b.count, b[j] == 0x2B || b[j] == 0x2D, let more = offset(b, j) { return more }
            return (0, j)
        }
        guard c == 0x2B || c == 0x2D, let hh = ASCII.digits(b, i + 1, 2), hh <= 18 else { return nil }
        let sign = c == 0x2D ? -1 : 1
        var j = i + 3
        var mm = 0
        if j < b.count, b[j] == ASCII.colon, let m = ASCII.digits(b, j + 1, 2) {
            mm = m
            j += 3
        } else if let m = ASCII.digits(b, j, 2) {
            mm = m
            j += 2
        }
        guard mm < 60, j >= b.count || !ASCII.isDigit(b[j]) else { return nil }
        return (sign * (hh * 3600 + mm * 60), j)
    }
}
