import Foundation
import FaultMavenCore

/// A strptime-style time format (`%Y-%m-%d %H:%M:%S.%N %z`), compiled once and applied
/// to bytes without Foundation formatters.
///
/// Directives: `%Y %y %m %d %e %j %H %k %I %l %M %S %p %P %N %L %3N %6N %9N %z %Z %b %B %h %a %A
/// %s %Q %T %F %D %R %r %%`. `%Z` accepts only `UTC`, `GMT`, `Z` or a numeric offset. A space in the
/// pattern matches any run of spaces (also none). Fields the pattern lacks come from the reference
/// date (year, or the whole date for time-only patterns); times without `%z` use the context's zone.
public struct TimeFormat: Sendable, Hashable {
    /// The pattern as given.
    public let pattern: String
    let tokens: [TimeFormatToken]

    /// Compiles `pattern`.
    /// - Throws: `FaultMavenError.badInput` naming an unknown directive and its position.
    public init(_ pattern: String) throws {
        self.pattern = pattern
        var out: [TimeFormatToken] = []
        var literal: [UInt8] = []
        let p = Array(pattern.utf8)
        var i = 0
        func flushLiteral() {
            if !literal.isEmpty { out.append(.literal(literal)); literal.removeAll() }
        }
        while i < p.count {
            let c = p[i]
            if ASCII.isSpace(c) {
                flushLiteral()
                if out.last != .whitespace { out.append(.whitespace) }
                i += 1
                continue
            }
            guard c == 0x25 else { literal.append(c); i += 1; continue }  // '%'
            guard i + 1 < p.count else {
                throw FaultMavenError.badInput("time_format '\(pattern)': dangling '%' at the end")
            }
            var d = p[i + 1]
            var width: Int? = nil
            var consumed = 2
            if ASCII.isDigit(d), i + 2 < p.count, p[i + 2] == 0x4E {  // %3N
                width = Int(d - 0x30)
                d = 0x4E
                consumed = 3
            }
            // GNU flags such as %-d / %_d do not change parsing.
            if d == 0x2D || d == 0x5F || d == 0x30, i + 2 < p.count {
                d = p[i + 2]
                consumed = 3
            }
            let expanded: [TimeFormatToken]
            switch d {
            case 0x59: expanded = [.year4]  // Y
            case 0x79: expanded = [.year2]  // y
            case 0x6D: expanded = [.month]  // m
            case 0x64, 0x65: expanded = [.day]  // d e
            case 0x6A: expanded = [.dayOfYear]  // j
            case 0x48, 0x6B: expanded = [.hour24]  // H k
            case 0x49, 0x6C: expanded = [.hour12]  // I l
            case 0x4D: expanded = [.minute]  // M
            case 0x53: expanded = [.second]  // S
            case 0x70, 0x50: expanded = [.meridiem]  // p P
            case 0x4E: expanded = [.fraction(width: width)]  // N
            case 0x4C: expanded = [.fraction(width: nil)]  // L
            case 0x7A: expanded = [.offset]  // z
            case 0x5A: expanded = [.zoneName]  // Z
            case 0x62, 0x42, 0x68: expanded = [.monthName]  // b B h
            case 0x61, 0x41: expanded = [.weekdayName]  // a A
            case 0x73: expanded = [.epochSeconds]  // s
            case 0x51: expanded = [.epochMillis]  // Q
            case 0x54: expanded = [.hour24, .literal([0x3A]), .minute, .literal([0x3A]), .second]  // T
            case 0x52: expanded = [.hour24, .literal([0x3A]), .minute]  // R
            case 0x72:  // r
                expanded = [.hour12, .literal([0x3A]), .minute, .literal([0x3A]), .second, .whitespace, .meridiem]
            case 0x46: expanded = [.year4, .literal([0x2D]), .month, .literal([0x2D]), .day]  // F
            case 0x44: expanded = [.month, .literal([0x2F]), .day, .literal([0x2F]), .year2]  // D
            case 0x25: literal.append(0x25); i += consumed; continue  // %%
            default:
                throw FaultMavenError.badInput(
                    "time_format '\(pattern)': unsupported directive '%\(Character(Unicode.Scalar(d)))' at offset \(i)")
            }
            flushLiteral()
            out.append(contentsOf: expanded)
            i += consumed
        }
        flushLiteral()
        tokens = out
    }

    /// Parses the whole of `text` (surrounding spaces allowed); nil when it does not match.
    public func parse(_ text: String, referenceDate: Date, timezone: String? = nil) -> Date? {
        guard let zone = try? timezone.map(TimeZoneRule.init(parsing:)) ?? .fixed(0) else { return nil }
        let ctx = TimeContext(referenceDate: referenceDate, zone: zone)
        return text.withBytes { b in
            let start = ASCII.skipSpaces(b, 0)
            guard let r = parse(b, from: start, ctx), ASCII.trimEnd(b, r.end, b.count) == r.end else { return nil }
            return r.date
        }
    }

    /// Parses a prefix of `b` starting at `from`; returns the instant and the index after it.
    func parse(_ b: Bytes, from: Int, _ ctx: TimeContext) -> (date: Date, end: Int)? {
        var f = TimeFields()
        var i = from
        for token in tokens {
            guard let next = f.read(token, b, i) else { return nil }
            i = next
        }
        guard let date = f.resolve(ctx) else { return nil }
        return (date, i)
    }
}
