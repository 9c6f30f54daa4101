/// A small JSON reader for one object per line: top-level values become strings (string values
/// decoded, numbers/`true`/`false`/`null` as written, nested objects and arrays as compact JSON).
/// Rejects malformed input and nesting deeper than `maxDepth`; never recurses unboundedly.
enum JSONObjectScanner {
    static let maxDepth = 64

    /// The object's top-level fields, or nil when `b` is not exactly one JSON object.
    static func object(_ b: Bytes) -> [String: String]? { pairs(b)?.dictionary() }

    /// The object's top-level key–value pairs in order (a repeated key appears each time), or nil
    /// when `b` is not exactly one JSON object.
    static func pairs(_ b: Bytes) -> FieldPairs? {
        var i = skipWS(b, 0)
        guard i < b.count, b[i] == 0x7B else { return nil }
        i = skipWS(b, i + 1)
        var fields: FieldPairs = []
        fields.reserveCapacity(8)
        if i < b.count, b[i] == 0x7D { return skipWS(b, i + 1) == b.count ? fields : nil }
        while true {
            let keyStart = i
            guard i < b.count, b[i] == ASCII.quote, let (key, keyEnd) = string(b, i) else { return nil }
            i = skipWS(b, keyEnd)
            guard i < b.count, b[i] == ASCII.colon else { return nil }
            i = skipWS(b, i + 1)
            guard i < b.count else { return nil }
            let value: String
            switch b[i] {
            case ASCII.quote:
                guard let (s, end) = string(b, i) else { return nil }
                value = s
                i = end
            case 0x7B, 0x5B:
                guard let end = skipValue(b, i, depth: 0) else { return nil }
                value = compact(b, i, end)
                i = end
            default:
                guard let end = skipValue(b, i, depth: 0) else { return nil }
                value = ASCII.string(b, i, end)
                i = end
            }
            fields.append(FieldPair(key: key, value: value, packed: PackedKey(b, keyStart + 1, keyEnd - 1)))
            i = skipWS(b, i)
            guard i < b.count else { return nil }
            if b[i] == 0x2C { i = skipWS(b, i + 1); continue }
            guard b[i] == 0x7D else { return nil }
            return skipWS(b, i + 1) == b.count ? fields : nil
        }
    }

    @inline(__always)
    private static func skipWS(_ b: Bytes, _ i: Int) -> Int {
        var j = i
        while j < b.count, b[j] == 0x20 || b[j] == 0x09 || b[j] == 0x0A || b[j] == 0x0D { j += 1 }
        return j
    }

    /// End index of the string starting at the quote at `i` (no decoding).
    private static func stringEnd(_ b: Bytes, _ i: Int) -> Int? {
        var j = i + 1
        while j < b.count {
            switch b[j] {
            case ASCII.quote: return j + 1
            case ASCII.backslash: j += 2
            case 0..<0x20: return nil
            default: j += 1
            }
        }
        return nil
    }

    /// The decoded string starting at the quote at `i`, and the index after its closing quote.
    static func string(_ b: Bytes, _ i: Int) -> (String, Int)? {
        guard let end = stringEnd(b, i) else { return nil }
        let s = i + 1, e = end - 1
        var hasEscape = false
        for k in s..<e where b[k] == ASCII.backslash {
            hasEscape = true
            break
        }
        if !hasEscape { return (ASCII.string(b, s, e), end) }
        var out = ""
        out.reserveCapacity(e - s)
        var runStart = s
        var k = s
        while k < e {
            guard b[k] == ASCII.backslash else { k += 1; continue }
            out += ASCII.string(b, runStart, k)
            guard k + 1 < e else { return nil }
            switch b[k + 1] {
            case 0x22: out.append("\"")
            case 0x5C: out.append("\\")
            case 0x2F: out.append("/")
            case 0x62: out.append("\u{08}")
            case 0x66: out.append("\u{0C}")
            case 0x6E: out.append("\n")
            case 0x72: out.append("\r")
            case 0x74: out.append("\t")
            case 0x75:
                guard let (scalar, next) = unicodeEscape(b, k, e) else { return nil }
                out.unicodeScalars.append(scalar)
                k = next
                runStart = k
                continue
            default: return nil
            }
            k += 2
            runStart = k
        }
        out += ASCII.string(b, runStart, e)
        return (out, end)
    }

    /// `\uXXXX` at `k` (with a following low surrogate when needed); invalid pairs become U+FFFD.
    private static func unicodeEscape(_ b: Bytes, _ k: Int, _ e: Int) -> (Unicode.Scalar, Int)? {
        guard let hi = hex4(b, k + 2, e) else { return nil }
        if (0xD800..<0xDC00).contains(hi) {
            if k + 11 < e + 1, b[k + 6] == ASCII.backslash, b[k + 7] == 0x75, let lo = hex4(b, k + 8, e),
                (0xDC00..<0xE000).contains(lo)
            {
                let v = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                return (Unicode.Scalar(UInt32(v)) ?? "\u{FFFD}", k + 12)
            }
            return ("\u{FFFD}", k + 6)
        }
        return (Unicode.Scalar(UInt32(hi)) ?? "\u{FFFD}", k + 6)
    }

    private static func hex4(_ b: Bytes, _ i: Int, _ e: Int) -> Int? {
        guard i + 4 <= e else { return nil }
        var v = 0
        for k in i..<(i + 4) {
            let c = b[k]
            let d: UInt8
            switch c {
            case 0x30...0x39: d = c - 0x30
            case 0x41...0x46: d = c - 0x37
            case 0x61...0x66: d = c - 0x57
            default: return nil
            }
            v = v << 4 | Int(d)
        }
        return v
    }

    /// End index of the JSON value at `i` (validated structurally).
    private static func skipValue(_ b: Bytes, _ i: Int, depth: Int) -> Int? {
        guard i < b.count, depth <= maxDepth else { return nil }
        switch b[i] {
        case ASCII.quote: return stringEnd(b, i)
        case 0x7B, 0x5B:
            let close: UInt8 = b[i] == 0x7B ? 0x7D : 0x5D
            let isObject = b[i] == 0x7B
            var j = skipWS(b, i + 1)
            if j < b.count, b[j] == close { return j + 1 }
            while true {
                if isObject {
                    guard j < b.count, b[j] == ASCII.quote, let k = stringEnd(b, j) else { return nil }
                    j = skipWS(b, k)
                    guard j < b.count, b[j] == ASCII.colon else { return nil }
                    j = skipWS(b, j + 1)
                }
                guard let v = skipValue(b, j, depth: depth + 1) else { return nil }
                j = skipWS(b, v)
                guard j < b.count else { return nil }
                if b[j] == 0x2C { j = skipWS(b, j + 1); continue }
                return b[j] == close ? j + 1 : nil
            }
        case 0x74: return ASCII.hasPrefix(b, i, "true") ? i + 4 : nil
        case 0x66: return ASCII.hasPrefix(b, i, "false") ? i + 5 : nil
        case 0x6E: return ASCII.hasPrefix(b, i, "null") ? i + 4 : nil
        default:
            var j = i
            if b[j] == 0x2D { j += 1 }
            let intRun = ASCII.digitRun(b, j)
            guard intRun > 0 else { return nil }
            j += intRun
            if j < b.count, b[j] == 0x2E {
                let f = ASCII.digitRun(b, j + 1)
                guard f > 0 else { return nil }
                j += 1 + f
            }
            if j < b.count, b[j] | 0x20 == 0x65 {
                j += 1
                if j < b.count, b[j] == 0x2B || b[j] == 0x2D { j += 1 }
                let ex = ASCII.digitRun(b, j)
                guard ex > 0 else { return nil }
                j += ex
            }
            return j
        }
    }

    /// The bytes of a validated value with whitespace outside strings removed.
    private static func compact(_ b: Bytes, _ from: Int, _ to: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(to - from)
        var inString = false
        var k = from
        while k < to {
            let c = b[k]
            if inString {
                out.append(c)
                if c == ASCII.backslash, k + 1 < to { out.append(b[k + 1]); k += 1 }
                else if c == ASCII.quote { inString = false }
            } else if c == ASCII.quote {
                inString = true
                out.append(c)
            } else if c != 0x20, c != 0x09, c != 0x0A, c != 0x0D {
                out.append(c)
            }
            k += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
