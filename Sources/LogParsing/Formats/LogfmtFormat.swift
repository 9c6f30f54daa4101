/// logfmt: `key=value key2="quoted \"value\"" flag`. A bare key gets the value `true`.
/// A line matches when it starts with `key=` and holds at least two pairs.
struct LogfmtFormat: LineFormat {
    var format: LogFormat { .logfmt }

    func mayStart(with first: UInt8) -> Bool { ASCII.isSpace(first) || Self.isKeyByte(first) }

    func parse(_ text: String, _ b: Bytes, _ ctx: ParseContext) -> FormatResult? {
        guard let fields = Self.pairs(b) else { return nil }
        return ctx.record(consume fields, fallbackMessage: text)
    }

    /// The pairs of a logfmt line in order (a repeated key appears each time), or nil when it is not one.
    static func pairs(_ b: Bytes) -> FieldPairs? {
        var i = ASCII.skipSpaces(b, 0)
        // The first token must be `key=`: most lines that are not logfmt fail here, before any allocation.
        var keyEnd = i
        while keyEnd < b.count, isKeyByte(b[keyEnd]) { keyEnd += 1 }
        guard keyEnd > i, keyEnd < b.count, b[keyEnd] == ASCII.equals else { return nil }
        var fields: FieldPairs = []
        fields.reserveCapacity(8)
        var first = true
        while i < b.count {
            let keyStart = i
            while i < b.count, isKeyByte(b[i]) { i += 1 }
            let keyEnd = i
            guard keyEnd > keyStart else { return nil }
            let key = ASCII.string(b, keyStart, keyEnd)
            let packed = PackedKey(b, keyStart, keyEnd)
            if i < b.count, b[i] == ASCII.equals {
                i += 1
                if i < b.count, b[i] == ASCII.quote {
                    guard let (value, end) = quoted(b, i) else { return nil }
                    fields.append(FieldPair(key: key, value: value, packed: packed))
                    i = end
                } else {
                    let vStart = i
                    i = ASCII.tokenEnd(b, i)
                    fields.append(FieldPair(key: key, value: ASCII.string(b, vStart, i), packed: packed))
                }
            } else {
                if first { return nil }
                fields.append(FieldPair(key: key, value: "true", packed: packed))
            }
            guard i >= b.count || ASCII.isSpace(b[i]) else { return nil }
            first = false
            i = ASCII.skipSpaces(b, i)
        }
        // At least two distinct keys (`a=1 a=2` is one key repeated).
        guard let firstKey = fields.first?.key, fields.contains(where: { $0.key != firstKey }) else { return nil }
        return fields
    }

    @inline(__always)
    private static func isKeyByte(_ c: UInt8) -> Bool {
        ASCII.isLetter(c) || ASCII.isDigit(c) || c == 0x5F || c == 0x2E || c == 0x2D || c == 0x40 || c == 0x2F
    }

    /// A double-quoted value at `i` with `\"`, `\\`, `\n`, `\t` escapes; returns the value and the index after it.
    private static func quoted(_ b: Bytes, _ i: Int) -> (String, Int)? {
        var j = i + 1
        var escaped = false
        let start = j
        while j < b.count, b[j] != ASCII.quote {
            if b[j] == ASCII.backslash { escaped = true; j += 1 }
            j += 1
        }
        guard j < b.count else { return nil }
        guard escaped else { return (ASCII.string(b, start, j), j + 1) }
        var out: [UInt8] = []
        out.reserveCapacity(j - start)
        var k = start
        while k < j {
            if b[k] == ASCII.backslash, k + 1 < j {
                switch b[k + 1] {
                case 0x6E: out.append(0x0A)
                case 0x74: out.append(0x09)
                case 0x72: out.append(0x0D)
                default: out.append(b[k + 1])
                }
                k += 2
            } else {
                out.append(b[k])
                k += 1
            }
        }
        return (String(decoding: out, as: UTF8.self), j + 1)
    }
}
