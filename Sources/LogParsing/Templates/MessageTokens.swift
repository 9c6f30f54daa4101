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
        // Masking writes at most three bytes per input byte, plus `<*>` twice; hashing reads a
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
        var i = 0
        while i < n {
            while i < n && classes[Int(b[i])] & ByteClass.space != 0 { i += 1 }
            guard i < n else { break }
            // One pass finds the token's end and notes whether it may hold a value.
            var j = i
            var variable = false
            var mayHoldValue = false
            var wordLength = 0
            var word: UInt64 = 0
            while j < n {
                let c = b[j]
                let kind = classes[Int(c)]
                if kind == 0 {
                    wordLength += 1
                    word = word << 8 | UInt64(c | 0x20)
                    j += 1
                    continue
                }
                if kind & ByteClass.space != 0 { break }
                if kind & ByteClass.digit != 0 {
                    variable = true
                    mayHoldValue = true
                } else if kind & ByteClass.star != 0 {
                    variable = true
                    wordLength += 1
                    word = word << 8 | UInt64(c)
                } else {
                    if kind & ByteClass.slash != 0 || TokenMasker.isLiteralValueWord(word, wordLength) {
                        mayHoldValue = true
                    }
                    wordLength = 0
                    word = 0
                }
                j += 1
            }
            if TokenMasker.isLiteralValueWord(word, wordLength) { mayHoldValue = true }
            if tokens.count == maxTokens - 1 {
                var end = n
                while end > i && isSpace(b[end - 1]) { end -= 1 }
                if j < end {
                    // More than one token left: they become one trailing wildcard.
                    writeWildcard(base + out)
                    tokens.append(token(i, end, out, out + 3, base))
                    break
                }
            }
            if masking && mayHoldValue,
                let length = TokenMasker.maskValues(UnsafeBufferPointer(rebasing: b[i..<j]), into: base + out)
            {
                tokens.append(token(i, j, out, out + length, base))
                out += length
            } else {
                tokens.append(
                    Token(
                        rawStart: Int32(i), rawEnd: Int32(j), maskedStart: Int32(i), maskedEnd: Int32(j), hash: TokenHash.of(base, i, j),
                        variable: variable))
            }
            i = j
        }
        if masking { maskDateNames(&tokens, base, out) }
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

    @inline(__always)
    private static func token(_ rs: Int, _ re: Int, _ ms: Int, _ me: Int, _ base: UnsafeMutablePointer<UInt8>) -> Token {
        var variable = false
        for k in ms..<me where TokenMasker.isDigit(base[k]) || base[k] == 0x2A { variable = true }
        let hash = TokenHash.of(base, ms, me)
        return Token(
            rawStart: Int32(rs), rawEnd: Int32(re), maskedStart: Int32(ms), maskedEnd: Int32(me), hash: hash,
            variable: variable)
    }

    /// Weekday and month names directly before a number or another such name (`Fri Jun 17`) are
    /// parts of a date, so they become `<*>` too. The first such name points at a `<*>` written at
    /// `free`; later ones share it.
    private static func maskDateNames(_ tokens: inout [Token], _ base: UnsafeMutablePointer<UInt8>, _ free: Int) {
        var wildcardAt = -1
        var i = tokens.count - 2
        while i >= 0 {
            let next = tokens[i + 1]
            let t = tokens[i]
            if t.maskedEnd - t.maskedStart == 3,
                next.hash == TokenHash.wildcard || TokenMasker.isDigit(base[Int(next.maskedStart)]),
                TokenMasker.isDateName(UnsafeBufferPointer(start: base + Int(t.maskedStart), count: 3))
            {
                if wildcardAt < 0 {
                    wildcardAt = free
                    writeWildcard(base + free)
                }
                tokens[i].maskedStart = Int32(wildcardAt)
                tokens[i].maskedEnd = Int32(wildcardAt + 3)
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
