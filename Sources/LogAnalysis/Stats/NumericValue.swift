/// Reads a magnitude from a token such as `53`, `53ms`, `1.5s`, `83%` or `2048kb`.
///
/// Only a leading unsigned decimal number followed by nothing or a short unit is accepted: tokens like
/// hex ids (`4fdbe26c`) or versions (`1.2.3`) are not magnitudes. Time units are converted to
/// milliseconds so `1.2s` and `1200ms` compare.
enum NumericValue {
    /// The value and its unit as written (lower-cased), or nil when `token` is not a magnitude.
    static func parse(_ token: Substring) -> (value: Double, unit: String)? {
        var digits = Substring()
        var rest = Substring()
        var seenDigit = false
        var seenDot = false
        var end = token.startIndex
        for (i, c) in zip(token.indices, token) {
            if c.isASCII && c.isNumber {
                seenDigit = true
            } else if c == "." && !seenDot && seenDigit {
                seenDot = true
            } else {
                end = i
                break
            }
            end = token.index(after: i)
        }
        guard seenDigit else { return nil }
        digits = token[token.startIndex..<end]
        rest = token[end...]
        if digits.hasSuffix(".") { return nil }
        guard rest.count <= 3, rest.allSatisfy({ $0 == "%" || $0 == "µ" || ($0.isASCII && $0.isLetter) }) else { return nil }
        guard let v = Double(digits), v.isFinite else { return nil }
        let unit = rest.lowercased()
        switch unit {
        case "s", "sec": return (v * 1000, unit)
        case "us", "µs": return (v / 1000, unit)
        case "ns": return (v / 1_000_000, unit)
        case "", "ms", "%", "b", "kb", "mb", "gb", "k", "m", "x": return (v, unit)
        default: return nil
        }
    }
}
