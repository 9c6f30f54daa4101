/// Finds values of sensitive keys: `password=...`, `DB_PASSWORD: ...`, `"api_key": "..."`,
/// `\"token\":\"...\"` (JSON inside a string), `?token=...&`, `Authorization: Bearer ...`.
///
/// A key is sensitive when, lower-cased and without `_`, `-` and `.`, it ends with one of the
/// suffixes below (so `db_password` and `x-api-key` count, `max_tokens` does not).
enum KeyValueDetector {
    /// The longest key and value considered.
    static let maxKey = 64
    static let maxValue = 4_096

    static let suffixes: [(suffix: [UInt8], kind: RedactionKind)] = ([
        ("password", .password), ("passwd", .password), ("passphrase", .password),
        ("secret", .secret), ("secretkey", .secret), ("privatekey", .secret), ("accesskey", .secret),
        ("credential", .credential), ("credentials", .credential),
        ("token", .token), ("apikey", .apiKey),
        ("accountkey", .azureKey), ("sharedaccesskey", .azureKey),
    ] as [(String, RedactionKind)]).map { (Array($0.0.utf8), $0.1) }
    static let exact: [[UInt8]: RedactionKind] = [
        Array("pwd".utf8): .password, Array("pass".utf8): .password, Array("auth".utf8): .token,
        Array("sig".utf8): .azureKey, Array("authorization".utf8): .credential,
        Array("proxyauthorization".utf8): .credential,
    ]
    static let nullish: Set<[UInt8]> = Set(["null", "none", "nil", "true", "false", "undefined", "***", "[redacted"].map { Array($0.utf8) })

    static func spans(in b: [UInt8], into out: inout [RedactionSpan]) {
        var i = 0
        while i < b.count {
            guard isKeyByte(b[i]) else {
                i += 1
                continue
            }
            let keyStart = i
            while i < b.count, isKeyByte(b[i]) { i += 1 }
            guard keyStart == 0 || !isKeyByte(b[keyStart - 1]), i - keyStart <= maxKey,
                  let kind = sensitiveKind(b[keyStart..<i]),
                  let span = value(after: i, in: b, kind: kind)
            else { continue }
            out.append(span)
            i = max(i, span.end)
        }
    }

    @inline(__always) static func isKeyByte(_ c: UInt8) -> Bool {
        Bytes.isAlnum(c) || c == UInt8(ascii: "_") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
    }

    static func sensitiveKind(_ key: ArraySlice<UInt8>) -> RedactionKind? {
        let norm = key.compactMap { c -> UInt8? in
            c == UInt8(ascii: "_") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".") ? nil : Bytes.lower(c)
        }
        if let k = exact[norm] { return k }
        for (suffix, kind) in suffixes where norm.count >= suffix.count && norm.suffix(suffix.count).elementsEqual(suffix) {
            return kind
        }
        return nil
    }

    /// The value span after a key ending at `keyEnd`, if a `=`/`:` assignment follows.
    static func value(after keyEnd: Int, in b: [UInt8], kind: RedactionKind) -> RedactionSpan? {
        var j = keyEnd
        if j < b.count, b[j] == UInt8(ascii: "\\") { j += 1 }
        if j < b.count, b[j] == UInt8(ascii: "\"") || b[j] == UInt8(ascii: "'") { j += 1 }
        while j < b.count, b[j] == 32 || b[j] == 9 { j += 1 }
        guard j < b.count, b[j] == UInt8(ascii: "=") || b[j] == UInt8(ascii: ":") else { return nil }
        j += 1
        if j < b.count, b[j] == UInt8(ascii: ">") { j += 1 }
        while j < b.count, b[j] == 32 || b[j] == 9 { j += 1 }
        var quote: UInt8?
        var escaped = false
        if j + 1 < b.count, b[j] == UInt8(ascii: "\\"), b[j + 1] == UInt8(ascii: "\"") {
            quote = UInt8(ascii: "\"")
            escaped = true
            j += 2
        } else if j < b.count, b[j] == UInt8(ascii: "\"") || b[j] == UInt8(ascii: "'") {
            quote = b[j]
            j += 1
        }
        var kind = kind
        if kind == .credential, let schemeEnd = scheme(at: j, in: b) {
            if Bytes.matches(Array("bearer".utf8), in: b, at: j, ignoringCase: true) { kind = .bearerToken }
            j = schemeEnd
        }
        let end = valueEnd(from: j, in: b, quote: quote, escaped: escaped)
        guard end > j, !nullish.contains(Array(b[j..<min(end, j + 9)]).map(Bytes.lower)) else { return nil }
        return RedactionSpan(start: j, end: end, kind: kind)
    }

    /// The end of an auth scheme word (`Bearer `, `Basic `) at `at`, spaces included.
    static func scheme(at: Int, in b: [UInt8]) -> Int? {
        var k = at
        while k < b.count, k - at < 16, Bytes.isAlpha(b[k]) { k += 1 }
        guard k > at, k < b.count, b[k] == 32 else { return nil }
        while k < b.count, b[k] == 32 { k += 1 }
        return k
    }

    static func valueEnd(from start: Int, in b: [UInt8], quote: UInt8?, escaped: Bool) -> Int {
        var k = start
        let limit = min(b.count, start + maxValue)
        while k < limit {
            let c = b[k]
            if c == 10 || c == 13 { break }
            if let q = quote {
                if escaped, c == UInt8(ascii: "\\"), k + 1 < b.count, b[k + 1] == q { break }
                if !escaped, c == q, k == start || b[k - 1] != UInt8(ascii: "\\") { break }
            } else if Bytes.isSpace(c) || ",;&\"')}]<>".utf8.contains(c) {
                break
            }
            k += 1
        }
        return k
    }
}
