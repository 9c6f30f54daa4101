/// A message cut into whitespace-separated tokens, held as byte ranges in one buffer: the message's
/// bytes first, then the masked forms of the tokens that masking changed (a token without values
/// points at its own bytes). The miner keeps one and refills it for every message, so cutting a
/// message allocates nothing once the buffers have grown to the longest message seen.
struct MessageTokens {
    /// One token: its bytes, its masked form, the masked form's hash, and whether that holds a
    /// digit or `*` (a value or a wildcard, which routes it to the wildcard branch of the prefix tree).
    struct Token {
        var rawStart: Int32
        var rawEnd: Int32
        var maskedStart: Int32
        var maskedEnd: Int32
        var hash: UInt64
        var variable: Bool
    }

    /// The message's bytes at `0..<messageLength`, masked forms after them; only grows.
    private var buffer: [UInt8] = []
    private(set) var tokens: [Token] = []

    var count: Int { tokens.count }

    init() {}

    /// Cuts `message` at once (tests and one-off matches).
    init(_ message: String, maxTokens: Int, masking: Bool) {
        fill(message, maxTokens: maxTokens, masking: masking)
    }

    @inline(__always) func hash(_ i: Int) -> UInt64 { tokens[i].hash }

    /// Splits `message` on ASCII whitespace, keeping at most `maxTokens` tokens; when the message has
    /// more, the last token holds the rest of the message and is masked as one wildcard.
    mutating func fill(_ message: String, maxTokens: Int, masking: Bool) {
        tokens.removeAll(keepingCapacity: true)
        var text = message
        let n = text.utf8.count
        // Masking writes at most three bytes per input byte, plus one shared `<*>`; hashing reads a
        // little past the end.
        let needed = 4 * n + 8 + TokenHash.slack
        if buffer.count < needed { buffer = [UInt8](repeating: 0, count: max(needed, 2 * buffer.count)) }
        var tokens = self.tokens
        self.tokens = []
        text.withUTF8 { source in
            buffer.withUnsafeMutableBufferPointer { whole in
                ByteClass.table.withUnsafeBufferPointer { classes in
                    Self.cut(source, into: whole, classes, maxTokens: maxTokens, masking: masking, tokens: &tokens)
                }
            }
        }
        self.tokens = tokens
    }

    private static func cut(
        _ source: UnsafeBufferPointer<UInt8>, into whole: UnsafeMutableBufferPointer<UInt8>,
        _ classes: UnsafeBufferPointer<UInt8>, maxTokens: Int,
        masking: Bool, tokens: inout [Token]
    ) {
        guard let base = whole.baseAddress else { return }
        let n = source.count
        if let from = source.baseAddress { base.update(from: from, count: n) }
        let b = UnsafeBufferPointer(start: base, count: n)
        var out = n
        // Where the one `<*>` that every fully masked token points at was written, once needed.
        var wildcardAt = -1
        var i = 0
        while i < n {
            while i < n && classes[Int(b[i])] & ByteClass.space != 0 { i += 1 }
            guard i < n else { break }
            // One pass finds the token's end and the classes of the bytes in it.
            let scan = scanToken(b, from: i, classes)
            let j = scan.end
            if tokens.count == maxTokens - 1 {
                var end = n
                while end > i && isSpace(b[end - 1]) { end -= 1 }
                if j < end {
                    // More than one token left: they become one trailing wildcard.
                    tokens.append(wildcardToken(i, end, shared(&wildcardAt, &out, base)))
                    break
                }
            }
            if masking && scan.seen == ByteClass.digit && scan.digits == j - i {
                // A number: masking turns it into `<*>` whole.
                tokens.append(wildcardToken(i, j, shared(&wildcardAt, &out, base)))
            } else if masking && scan.mayHoldValue,
                let length = TokenMasker.maskValues(
                    UnsafeBufferPointer(rebasing: b[i..<j]), into: base + out, hasStar: scan.seen & ByteClass.star != 0)
            {
                // The masked form holds a `<*>`, so the token is variable.
                tokens.append(
                    Token(
                        rawStart: Int32(i), rawEnd: Int32(j), maskedStart: Int32(out), maskedEnd: Int32(out + length),
                        hash: TokenHash.of(base, out, out + length), variable: true))
                out += length
            } else {
                tokens.append(
                    Token(
                        rawStart: Int32(i), rawEnd: Int32(j), maskedStart: Int32(i), maskedEnd: Int32(j),
                        hash: TokenHash.of(base, i, j), variable: scan.seen & (ByteClass.digit | ByteClass.star) != 0))
            }
            i = j
        }
        if masking { maskDateNames(&tokens, base, &wildcardAt, &out) }
    }

    /// What one pass over a token's bytes learned: where it ends, the union of its bytes' classes,
    /// how many digits it holds, and whether one of its words is a literal value word.
    private struct Scan {
        var end: Int
        var seen: UInt8 = 0
        var digits = 0
        var literalWord = false

        /// Whether masking may change the token: values need a digit or a slash, or are one of
        /// the literal value words (``TokenMasker/isLiteralValueWord(_:_:)``).
        var mayHoldValue: Bool { seen & (ByteClass.digit | ByteClass.slash) != 0 || literalWord }
    }

    /// Finds the end of the token starting at `start`, classifying its bytes on the way. Bytes of
    /// class 0 (letters and the like) cost one table read; words (runs between delimiters) are
    /// checked against the literal value words where they end. A token with a digit or a slash is
    /// masked whatever its words are, so digits need not split or join words here.
    @inline(__always)
    private static func scanToken(_ b: UnsafeBufferPointer<UInt8>, from start: Int, _ classes: UnsafeBufferPointer<UInt8>)
        -> Scan
    {
        let n = b.count
        var scan = Scan(end: start)
        var j = start
        var wordStart = start
        while j < n {
            let kind = classes[Int(b[j])]
            if kind == 0 {
                j += 1
                continue
            }
            if kind & ByteClass.space != 0 { break }
            scan.seen |= kind
            if kind == ByteClass.digit {
                scan.digits += 1
            } else if kind & (ByteClass.delimiter | ByteClass.slash) != 0 {
                if TokenMasker.isLiteralValueWord(b, wordStart, j) { scan.literalWord = true }
                wordStart = j + 1
            }
            j += 1
        }
        if TokenMasker.isLiteralValueWord(b, wordStart, j) { scan.literalWord = true }
        scan.end = j
        return scan
    }

    /// The offset of the shared `<*>`, writing it at `out` the first time.
    @inline(__always)
    private static func shared(_ wildcardAt: inout Int, _ out: inout Int, _ base: UnsafeMutablePointer<UInt8>) -> Int {
        if wildcardAt < 0 {
            wildcardAt = out
            writeWildcard(base + out)
            out += 3
        }
        return wildcardAt
    }

    @inline(__always)
    private static func wildcardToken(_ rawStart: Int, _ rawEnd: Int, _ at: Int) -> Token {
        Token(
            rawStart: Int32(rawStart), rawEnd: Int32(rawEnd), maskedStart: Int32(at), maskedEnd: Int32(at + 3),
            hash: TokenHash.wildcard, variable: true)
    }

    @inline(__always) private static func writeWildcard(_ p: UnsafeMutablePointer<UInt8>) {
        p[0] = 0x3C
        p[1] = 0x2A
        p[2] = 0x3E
    }

    /// Raw bytes of token `i`, valid while `body` runs.
    @inline(__always)
    func withRaw<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let t = tokens[i]
        return buffer.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Int(t.rawStart)..<Int(t.rawEnd)])) }
    }

    /// Masked bytes of token `i`, valid while `body` runs.
    @inline(__always)
    func withMasked<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let t = tokens[i]
        return buffer.withUnsafeBufferPointer {
            body(UnsafeBufferPointer(rebasing: $0[Int(t.maskedStart)..<Int(t.maskedEnd)]))
        }
    }

    func raw(_ i: Int) -> String { withRaw(i) { String(decoding: $0, as: UTF8.self) } }

    func masked(_ i: Int) -> String { withMasked(i) { String(decoding: $0, as: UTF8.self) } }

    /// Weekday and month names directly before a number or another such name (`Fri Jun 17`) are
    /// parts of a date, so they become `<*>` too, pointing at the shared `<*>`.
    private static func maskDateNames(
        _ tokens: inout [Token], _ base: UnsafeMutablePointer<UInt8>, _ wildcardAt: inout Int, _ out: inout Int
    ) {
        var i = tokens.count - 2
        while i >= 0 {
            let next = tokens[i + 1]
            let t = tokens[i]
            if t.maskedEnd - t.maskedStart == 3,
                next.hash == TokenHash.wildcard || TokenMasker.isDigit(base[Int(next.maskedStart)]),
                TokenMasker.isDateName(UnsafeBufferPointer(start: base + Int(t.maskedStart), count: 3))
            {
                let at = shared(&wildcardAt, &out, base)
                tokens[i].maskedStart = Int32(at)
                tokens[i].maskedEnd = Int32(at + 3)
                tokens[i].hash = TokenHash.wildcard
                tokens[i].variable = true
            }
            i -= 1
        }
    }

    @inline(__always) private static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || (c >= 0x09 && c <= 0x0D)
    }
}
