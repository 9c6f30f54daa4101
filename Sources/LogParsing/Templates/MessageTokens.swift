/// A message cut into whitespace-separated tokens, with each token's masked form and its hash.
struct MessageTokens {
    /// The message's own tokens; when the message had more than the limit, the last one holds the
    /// rest of the message.
    var raw: [String] = []
    /// Tokens with values replaced by `<*>` (equal to `raw` when masking is off).
    var masked: [String] = []
    /// `masked[i].hashValue`, compared before the strings.
    var hashes: [Int] = []

    var count: Int { raw.count }

    /// Splits `message` on ASCII whitespace, keeping at most `maxTokens` tokens.
    init(_ message: String, maxTokens: Int, masking: Bool) {
        var message = message
        message.withUTF8 { b in
            let n = b.count
            var i = 0
            while i < n {
                while i < n && Self.isSpace(b[i]) { i += 1 }
                guard i < n else { break }
                if raw.count == maxTokens - 1 {
                    var end = n
                    while end > i && Self.isSpace(b[end - 1]) { end -= 1 }
                    var j = i
                    while j < end && !Self.isSpace(b[j]) { j += 1 }
                    if j < end {
                        // More than one token left: they become one trailing wildcard.
                        append(raw: UnsafeBufferPointer(rebasing: b[i..<end]), maskedForm: TokenMasker.wildcard)
                        break
                    }
                }
                var j = i
                while j < n && !Self.isSpace(b[j]) { j += 1 }
                let bytes = UnsafeBufferPointer(rebasing: b[i..<j])
                append(raw: bytes, maskedForm: masking ? TokenMasker.mask(bytes) : nil)
                i = j
            }
        }
        if masking { maskDateNames() }
    }

    /// Weekday and month names directly before a number or another such name (`Fri Jun 17`) are
    /// parts of a date, so they become `<*>` too.
    private mutating func maskDateNames() {
        var i = count - 2
        while i >= 0 {
            let next = masked[i + 1]
            if TokenMasker.isDateName(masked[i]),
                next == TokenMasker.wildcard || next.utf8.first.map(TokenMasker.isDigit) == true
            {
                masked[i] = TokenMasker.wildcard
                hashes[i] = masked[i].hashValue
            }
            i -= 1
        }
    }

    private mutating func append(raw bytes: UnsafeBufferPointer<UInt8>, maskedForm: String?) {
        let token = String(decoding: bytes, as: UTF8.self)
        let shown = maskedForm ?? token
        raw.append(token)
        masked.append(shown)
        hashes.append(shown.hashValue)
    }

    @inline(__always) private static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || (c >= 0x09 && c <= 0x0D)
    }
}
