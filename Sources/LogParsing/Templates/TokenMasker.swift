/// Replaces the values inside one whitespace-free token with `<*>`, keeping the token's structure
/// (delimiters, key names, unit-free words), following the loghub-2.0 template conventions:
///
/// - a part between structural delimiters (`,;:=|!"'()[]{}`) that is an absolute path, a UUID or
///   a DNS name becomes `<*>`;
/// - inside a part, a piece between value delimiters (`.-+@#$%&/`) becomes `<*>` when it starts with
///   a digit (`42`, `0x1f`, `53ms`, `16K`), holds a run of four or more digits (`blk_1073741825`),
///   is a hex string of eight or more characters with a digit, starts a part as a version (`v2`),
///   or is `true`, `false`, `null` or `root`;
///   a minus sign that starts a number is part of it;
/// - then a word glued to a wildcard (`blk_<*>`) becomes `<*>`, and wildcards joined by `.` or by
///   nothing collapse into one (`<*>.<*>.<*>.<*>:<*>` becomes `<*>:<*>`).
enum TokenMasker {
    static let wildcard = "<*>"
    static let wildcardBytes: [UInt8] = [0x3C, 0x2A, 0x3E]

    /// The masked form of `token`; returns `token` itself when nothing in it is a value.
    static func mask(_ token: String) -> String {
        let bytes = Array(token.utf8)
        var out = [UInt8](repeating: 0, count: 3 * bytes.count + 3)
        let written = bytes.withUnsafeBufferPointer { b in
            out.withUnsafeMutableBufferPointer { mask(b, into: $0.baseAddress!) }
        }
        guard let written else { return token }
        return String(decoding: out[..<written], as: UTF8.self)
    }

    /// Writes the masked form of the token in `bytes` at `out` (which must have room for
    /// `3 * bytes.count` bytes) and returns its length; returns `nil` when nothing in the token is a
    /// value (what was written at `out` is then garbage).
    static func mask(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> Int? {
        guard mayHoldValue(bytes) else { return nil }
        return maskValues(bytes, into: out)
    }

    /// ``mask(_:into:)`` without the pre-check, for callers that made it while reading the token;
    /// `hasStar` says whether the token may hold a `*` (a caller that read it knows).
    static func maskValues(
        _ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>, hasStar: Bool = true
    ) -> Int? {
        var writer = MaskWriter(out)
        guard maskParts(bytes, into: &writer) else { return nil }
        guard writer.mayNeedCanonical || hasStar else { return writer.count }
        return canonicalize(UnsafeMutableBufferPointer(start: out, count: writer.count))
    }

    /// Cheap pre-check: values need a digit or a slash, or are one of the literal value words.
    private static func mayHoldValue(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var length = 0
        var word: UInt64 = 0
        for c in b {
            if isDigit(c) || c == 0x2F { return true }
            if isAnyDelimiter(c) {
                if isLiteralValueWord(word, length) { return true }
                length = 0
                word = 0
            } else {
                length += 1
                word = word << 8 | UInt64(c | 0x20)
            }
        }
        return isLiteralValueWord(word, length)
    }

    /// Appends the masked token to `out`; returns whether anything was replaced.
    private static func maskParts(_ b: UnsafeBufferPointer<UInt8>, into out: inout MaskWriter) -> Bool {
        var changed = false
        var i = 0
        let n = b.count
        while i < n {
            if isStructuralDelimiter(b[i]) {
                out.append(b[i])
                i += 1
                continue
            }
            var j = i
            while j < n && !isStructuralDelimiter(b[j]) { j += 1 }
            if isAbsolutePath(b, i, j) || isUUID(b, i, j) || isHostName(b, i, j) {
                out.appendWildcard()
                changed = true
            } else if maskPieces(b, i, j, into: &out) {
                changed = true
            }
            i = j
        }
        return changed
    }

    private static func maskPieces(
        _ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, into out: inout MaskWriter
    ) -> Bool {
        var changed = false
        var k = start
        while k < end {
            let c = b[k]
            let signedNumber =
                c == 0x2D && k + 1 < end && isDigit(b[k + 1]) && (k == start || !isAlphanumeric(b[k - 1]))
            if isValueDelimiter(c) && !signedNumber {
                out.append(c)
                k += 1
                continue
            }
            var e = k + 1
            while e < end && !isValueDelimiter(b[e]) { e += 1 }
            if signedNumber || isValuePiece(b, k, e) || (k == start && isVersion(b, k, e)) {
                out.appendWildcard()
                changed = true
            } else {
                out.append(b, k, e)
            }
            k = e
        }
        return changed
    }

    private static func isValuePiece(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        if isDigit(b[s]) { return true }
        var run = 0
        var longestRun = 0
        var digits = 0
        var allHex = true
        for k in s..<e {
            let c = b[k]
            if isDigit(c) {
                digits += 1
                run += 1
                if run > longestRun { longestRun = run }
            } else {
                run = 0
                if !isHexLetter(c) { allHex = false }
            }
        }
        if longestRun >= 4 { return true }
        if allHex && digits > 0 && e - s >= 8 { return true }
        return isLiteralValueWord(b, s, e)
    }

    /// `v` and digits, such as `v2` of `v2.0.1`; only at the start of a part, so that a package
    /// name like `mapreduce.v2.app` stays literal.
    private static func isVersion(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        guard e - s >= 2, b[s] | 0x20 == 0x76 else { return false }
        for k in (s + 1)..<e where !isDigit(b[k]) { return false }
        return true
    }

    /// `true`, `false`, `null`, and the user name `root`, in any case (loghub-2.0 conventions).
    @inline(__always)
    static func isLiteralValueWord(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        guard e - s == 4 || e - s == 5 else { return false }
        var word: UInt64 = 0
        for k in s..<e { word = word << 8 | UInt64(b[k] | 0x20) }
        return isLiteralValueWord(word, e - s)
    }

    /// `word` holds the lower-cased bytes of a `length`-byte piece, big-endian.
    @inline(__always) static func isLiteralValueWord(_ word: UInt64, _ length: Int) -> Bool {
        // "true", "null", "root", "false" as big-endian byte words.
        if length == 4 { return word == 0x7472_7565 || word == 0x6E75_6C6C || word == 0x726F_6F74 }
        return length == 5 && word == 0x66_616C_7365
    }

    /// A capitalized weekday or month abbreviation (`Mon`, `Jun`), part of a written date.
    static func isDateName(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count == 3 else { return false }
        let word = UInt32(b[0]) << 16 | UInt32(b[1]) << 8 | UInt32(b[2])
        return dateNames.contains(word)
    }

    /// `Mon` … `Sun`, `Jan` … `Dec` as 24-bit words.
    private static let dateNames: [UInt32] = [
        "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul",
        "Aug", "Sep", "Oct", "Nov", "Dec",
    ].map { $0.utf8.reduce(UInt32(0)) { $0 << 8 | UInt32($1) } }

    /// `^(/[^/]+)+$`
    private static func isAbsolutePath(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        guard e - s >= 2, b[s] == 0x2F, b[e - 1] != 0x2F else { return false }
        for k in (s + 1)..<e where b[k] == 0x2F && b[k - 1] == 0x2F { return false }
        return true
    }

    /// A DNS name: dot-separated labels of letters, digits, `-` and `_`, ending in a common
    /// top-level domain (`db-1.example.com`, `short.weixin.qq.com`), or in a two-letter country
    /// domain after three or more dots (`proxy.cse.cuhk.edu.hk`). Class and module names such as
    /// `org.apache.hadoop.Foo` end in a name, not a top-level domain, and stay literal.
    private static func isHostName(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        // A top-level domain is letters, so a name ends in one (numbers and ids are ruled out here).
        guard e - s >= 4, (b[e - 1] | 0x20) &- 0x61 < 26 else { return false }
        var dots = 0
        var lastDot = -1
        for k in s..<e {
            let c = b[k]
            if c == 0x2E {
                if k == s || k == lastDot + 1 { return false }
                dots += 1
                lastDot = k
            } else if !(isAlphanumeric(c) || c == 0x2D || c == 0x5F) {
                return false
            }
        }
        guard dots >= 1, lastDot < e - 1 else { return false }
        var tld: UInt64 = 0
        let length = e - lastDot - 1
        guard length <= 8 else { return false }
        for k in (lastDot + 1)..<e {
            guard !isDigit(b[k]), b[k] != 0x2D, b[k] != 0x5F else { return false }
            tld = tld << 8 | UInt64(b[k] | 0x20)
        }
        if length == 2 { return dots >= 3 }
        return commonTopLevelDomains.contains(tld)
    }

    /// `com net org edu gov mil info biz io local localdomain internal lan arpa`, as byte words.
    private static let commonTopLevelDomains: Set<UInt64> = {
        ["com", "net", "org", "edu", "gov", "mil", "info", "biz", "io", "local", "internal", "lan", "arpa"]
            .map { $0.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) } }
            .reduce(into: Set<UInt64>()) { $0.insert($1) }
    }()

    /// 8-4-4-4-12 hex digits.
    private static func isUUID(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        guard e - s == 36 else { return false }
        for k in 0..<36 {
            let c = b[s + k]
            if k == 8 || k == 13 || k == 18 || k == 23 {
                if c != 0x2D { return false }
            } else if !(isDigit(c) || isHexLetter(c)) {
                return false
            }
        }
        return true
    }

    /// `token` with the word-glued-to-wildcard and consecutive-wildcard rules applied
    /// (`sda<*>` gives `<*>`, `r<*>=<*>` gives `<*>=<*>`).
    static func canonical(_ token: String) -> String {
        var bytes = Array(token.utf8)
        canonicalize(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Applies the word-glued-to-wildcard and consecutive-wildcard rules in place.
    static func canonicalize(_ out: inout [UInt8]) {
        let length = out.withUnsafeMutableBufferPointer { canonicalize($0) }
        out.removeSubrange(length...)
    }

    /// Applies the rules to `b` in place and returns the new length; both rules only shorten the
    /// text, so each writes behind the place it reads.
    static func canonicalize(_ b: UnsafeMutableBufferPointer<UInt8>) -> Int {
        let n = b.count
        var w = 0
        // A run of non-delimiter bytes that holds `<*>` and something else becomes `<*>`.
        var i = 0
        while i < n {
            if isAnyDelimiter(b[i]) {
                b[w] = b[i]
                w += 1
                i += 1
                continue
            }
            var j = i
            var hasWildcard = false
            while j < n && !isAnyDelimiter(b[j]) {
                if b[j] == 0x2A && j > i && b[j - 1] == 0x3C && j + 1 < n && b[j + 1] == 0x3E {
                    hasWildcard = true
                }
                j += 1
            }
            if hasWildcard {
                b[w] = 0x3C
                b[w + 1] = 0x2A
                b[w + 2] = 0x3E
                w += 3
            } else {
                for k in i..<j {
                    b[w] = b[k]
                    w += 1
                }
            }
            i = j
        }
        // `<*>.<*>` and `<*><*>` become `<*>`.
        let end = w
        w = 0
        i = 0
        while i < end {
            if w >= 3 && b[w - 3] == 0x3C && b[w - 2] == 0x2A && b[w - 1] == 0x3E {
                if isWildcard(b, i, end) {
                    i += 3
                    continue
                }
                if b[i] == 0x2E && isWildcard(b, i + 1, end) {
                    i += 4
                    continue
                }
            }
            b[w] = b[i]
            w += 1
            i += 1
        }
        return w
    }

    @inline(__always)
    private static func isWildcard(_ b: UnsafeMutableBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        i + 2 < end && b[i] == 0x3C && b[i + 1] == 0x2A && b[i + 2] == 0x3E
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }
    @inline(__always) static func isHexLetter(_ c: UInt8) -> Bool { (c | 0x20) &- 0x61 < 6 }
    @inline(__always) static func isAlphanumeric(_ c: UInt8) -> Bool {
        isDigit(c) || (c | 0x20) &- 0x61 < 26
    }

    /// `,;:=|!"'()[]{}` — delimiters that separate a key, a value, and its brackets (and bytes
    /// below `!`). Bit `c` of the low word, or bit `c - 64` of the high word, is set for each.
    @inline(__always) static func isStructuralDelimiter(_ c: UInt8) -> Bool {
        c < 64 ? (structuralLow >> UInt64(c)) & 1 != 0 : c < 128 && (structuralHigh >> UInt64(c &- 64)) & 1 != 0
    }

    /// `.-+@#$%&/` — delimiters inside one value (dotted numbers, host names, dates, paths).
    @inline(__always) static func isValueDelimiter(_ c: UInt8) -> Bool {
        c < 64 ? (valueLow >> UInt64(c)) & 1 != 0 : c == 0x40
    }

    private static let structuralLow: UInt64 = 0x2C00_1387_FFFF_FFFF
    private static let structuralHigh: UInt64 = 0x3800_0000_2800_0000
    private static let valueLow: UInt64 = 0x0000_E878_0000_0000

    @inline(__always) static func isAnyDelimiter(_ c: UInt8) -> Bool {
        c < 64 ? ((structuralLow | valueLow) >> UInt64(c)) & 1 != 0 : c < 128 && ((structuralHigh | 1) >> UInt64(c &- 64)) & 1 != 0
    }
}
