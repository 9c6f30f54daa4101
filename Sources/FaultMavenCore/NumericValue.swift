/// Reads a magnitude from a token such as `53`, `53ms`, `1.5s`, `83%` or `2048kb`.
///
/// Only a leading unsigned decimal number followed by nothing or a short unit is accepted: tokens like
/// hex ids (`4fdbe26c`) or versions (`1.2.3`) are not magnitudes. Time units are converted to
/// milliseconds so `1.2s` and `1200ms` compare. Works on UTF-8 bytes (it runs for every parameter of
/// every record). The analysis watches such values as series; `analyze --format records` shows them
/// typed (``Kind``).
public enum NumericValue {
    /// What a magnitude measures, by its unit.
    public enum Kind: String, Sendable {
        /// A time (`s`, `sec`, `ms`, `us`, `µs`, `ns`); the value is in milliseconds.
        case duration
        /// An amount of data (`b`, `kb`, `mb`, `gb`), in the unit written.
        case size
        /// A percentage (`%`).
        case percent
        /// A plain number, or a count with `k`, `m` or `x`.
        case number

        /// The kind of a unit as ``NumericValue/parse(_:)`` returns it.
        public init(unit: String) {
            switch unit {
            case "s", "sec", "ms", "us", "µs", "ns": self = .duration
            case "b", "kb", "mb", "gb": self = .size
            case "%": self = .percent
            default: self = .number
            }
        }
    }

    /// The value and its unit as written (lower-cased), or nil when `token` is not a magnitude.
    public static func parse(_ token: Substring) -> (value: Double, unit: String)? {
        let bytes = token.utf8
        var end = bytes.startIndex
        var seenDigit = false
        var seenDot = false
        while end != bytes.endIndex {
            let b = bytes[end]
            if b >= 0x30 && b <= 0x39 {
                seenDigit = true
            } else if b == 0x2E && !seenDot && seenDigit {
                seenDot = true
            } else {
                break
            }
            bytes.formIndex(after: &end)
        }
        guard seenDigit, bytes[bytes.index(before: end)] != 0x2E,
              let (unit, multiplier, divisor) = unit(bytes[end...]),
              let v = Double(token[token.startIndex..<end]), v.isFinite
        else { return nil }
        return (v * multiplier / divisor, unit)
    }

    /// The unit spelled by `bytes` (ASCII letters in any case, `%`, `µs`) and the factors to the
    /// canonical scale (milliseconds for time units): value × multiplier / divisor; nil for anything else.
    private static func unit(_ bytes: Substring.UTF8View.SubSequence) -> (String, Double, Double)? {
        guard bytes.count <= 3 else { return nil }
        var code: UInt32 = 0
        for b in bytes {
            guard b != 0 else { return nil }
            let lower = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            code = code << 8 | UInt32(lower)
        }
        switch code {
        case 0: return ("", 1, 1)
        case 0x73: return ("s", 1000, 1)
        case 0x73_6563: return ("sec", 1000, 1)
        case 0x7573: return ("us", 1, 1000)
        case 0xC2_B573: return ("µs", 1, 1000)
        case 0x6E73: return ("ns", 1, 1_000_000)
        case 0x6D73: return ("ms", 1, 1)
        case 0x25: return ("%", 1, 1)
        case 0x62: return ("b", 1, 1)
        case 0x6B62: return ("kb", 1, 1)
        case 0x6D62: return ("mb", 1, 1)
        case 0x6762: return ("gb", 1, 1)
        case 0x6B: return ("k", 1, 1)
        case 0x6D: return ("m", 1, 1)
        case 0x78: return ("x", 1, 1)
        default: return nil
        }
    }
}
