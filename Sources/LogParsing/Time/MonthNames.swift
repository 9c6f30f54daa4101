/// English month and weekday names as written by loggers (`Mar`, `March`, `Mon`, `Monday`).
enum MonthNames {
    /// Month 1...12 for a three-letter abbreviation at `i` (any case); nil otherwise.
    @inline(__always)
    static func month3(_ b: Bytes, _ i: Int) -> Int? {
        guard i + 3 <= b.count else { return nil }
        let a = ASCII.lower(b[i]), c = ASCII.lower(b[i + 1]), d = ASCII.lower(b[i + 2])
        switch (a, c, d) {
        case (0x6A, 0x61, 0x6E): return 1  // jan
        case (0x66, 0x65, 0x62): return 2  // feb
        case (0x6D, 0x61, 0x72): return 3  // mar
        case (0x61, 0x70, 0x72): return 4  // apr
        case (0x6D, 0x61, 0x79): return 5  // may
        case (0x6A, 0x75, 0x6E): return 6  // jun
        case (0x6A, 0x75, 0x6C): return 7  // jul
        case (0x61, 0x75, 0x67): return 8  // aug
        case (0x73, 0x65, 0x70): return 9  // sep
        case (0x6F, 0x63, 0x74): return 10  // oct
        case (0x6E, 0x6F, 0x76): return 11  // nov
        case (0x64, 0x65, 0x63): return 12  // dec
        default: return nil
        }
    }

    /// Full names, lower case, as bytes (compared in place, no `String` per call).
    static let fullMonths: [[UInt8]] = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    ].map { Array($0.utf8) }
    static let fullWeekdays: [[UInt8]] = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
        .map { Array($0.utf8) }

    /// True when a three-letter weekday abbreviation starts at `i` (any case).
    @inline(__always)
    static func isWeekday3(_ b: Bytes, _ i: Int) -> Bool {
        guard i + 3 <= b.count else { return false }
        let w = (UInt32(ASCII.lower(b[i])) << 16) | (UInt32(ASCII.lower(b[i + 1])) << 8) | UInt32(ASCII.lower(b[i + 2]))
        switch w {
        case 0x73_756E, 0x6D_6F6E, 0x74_7565, 0x77_6564, 0x74_6875, 0x66_7269, 0x73_6174: return true
        default: return false
        }
    }

    /// Month 1...12 and the end index for a full or abbreviated month name at `i`.
    static func month(_ b: Bytes, _ i: Int) -> (month: Int, end: Int)? {
        guard let m = month3(b, i) else { return nil }
        return (m, fullNameEnd(fullMonths[m - 1], b, i))
    }

    /// End index of a full or abbreviated weekday name at `i`.
    static func weekdayEnd(_ b: Bytes, _ i: Int) -> Int? {
        guard isWeekday3(b, i) else { return nil }
        let a = ASCII.lower(b[i]), c = ASCII.lower(b[i + 1]), d = ASCII.lower(b[i + 2])
        guard let full = fullWeekdays.first(where: { $0[0] == a && $0[1] == c && $0[2] == d }) else { return i + 3 }
        return fullNameEnd(full, b, i)
    }

    /// End of the full name `full` (lower case) at `i` when it is written out in any case, else `i + 3`.
    private static func fullNameEnd(_ full: [UInt8], _ b: Bytes, _ i: Int) -> Int {
        var j = i + 3
        var k = 3
        while k < full.count, j < b.count, ASCII.lower(b[j]) == full[k] { j += 1; k += 1 }
        return k == full.count ? j : i + 3
    }
}
