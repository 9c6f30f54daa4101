/// Finds API keys and tokens by their shape: provider prefixes (AWS, GitHub, GitLab, Slack,
/// OpenAI, Anthropic, Google, Stripe), JWTs, AWS secret access keys and `Bearer` credentials.
enum TokenDetector {
    /// Prefix rules over runs of `[A-Za-z0-9_-]`: the prefix, the least total length, the kind.
    static let prefixes: [(prefix: [UInt8], minLength: Int, kind: RedactionKind)] = ([
        ("ghp_", 36, .githubToken), ("gho_", 36, .githubToken), ("ghu_", 36, .githubToken),
        ("ghs_", 36, .githubToken), ("ghr_", 36, .githubToken), ("github_pat_", 40, .githubToken),
        ("glpat-", 26, .gitlabToken), ("glptt-", 26, .gitlabToken), ("gldt-", 25, .gitlabToken),
        ("xoxb-", 15, .slackToken), ("xoxp-", 15, .slackToken), ("xoxa-", 15, .slackToken),
        ("xoxr-", 15, .slackToken), ("xoxs-", 15, .slackToken), ("xoxe-", 15, .slackToken), ("xapp-", 15, .slackToken),
        ("sk-ant-", 30, .anthropicKey), ("sk-", 23, .openAIKey),
        ("sk_live_", 20, .apiKey), ("sk_test_", 20, .apiKey), ("rk_live_", 20, .apiKey),
        ("AIza", 39, .gcpAPIKey),
    ] as [(String, Int, RedactionKind)]).map { (Array($0.0.utf8), $0.1, $0.2) }

    static func spans(in b: [UInt8], into out: inout [RedactionSpan]) {
        for run in Bytes.runs(in: b, where: Bytes.isWord) {
            if let kind = prefixKind(b, run.start, run.end) { out.append(.init(start: run.start, end: run.end, kind: kind)) }
        }
        for run in Bytes.runs(in: b, where: { Bytes.isWord($0) || $0 == UInt8(ascii: ".") }) where isJWT(b, run.start, run.end) {
            out.append(.init(start: run.start, end: run.end, kind: .jwt))
        }
        for run in Bytes.runs(in: b, where: isBase64) where isAWSSecret(b, run.start, run.end) {
            out.append(.init(start: run.start, end: run.end, kind: .awsSecretKey))
        }
        bearerSpans(in: b, into: &out)
    }

    static func prefixKind(_ b: [UInt8], _ s: Int, _ e: Int) -> RedactionKind? {
        let n = e - s
        if n == 20, Bytes.matches(Array("AKIA".utf8), in: b, at: s) || Bytes.matches(Array("ASIA".utf8), in: b, at: s),
           b[(s + 4)..<e].allSatisfy({ Bytes.isUpper($0) || Bytes.isDigit($0) })
        {
            return .awsAccessKey
        }
        for rule in prefixes where n >= rule.minLength && Bytes.matches(rule.prefix, in: b, at: s) {
            let body = b[(s + rule.prefix.count)..<e]
            // A key body mixes letters and digits; `sk-some-long-kebab-name` is not a key.
            guard body.contains(where: Bytes.isDigit), body.contains(where: Bytes.isAlpha) else { continue }
            return rule.kind
        }
        return nil
    }

    /// `eyJ...` header, payload and signature, each base64url, separated by dots.
    static func isJWT(_ b: [UInt8], _ s: Int, _ e: Int) -> Bool {
        guard e - s >= 30, Bytes.matches(Array("eyJ".utf8), in: b, at: s) else { return false }
        let parts = b[s..<e].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return parts.count == 3 && parts[0].count >= 10 && parts[1].count >= 10
    }

    @inline(__always) static func isBase64(_ c: UInt8) -> Bool {
        Bytes.isAlnum(c) || c == UInt8(ascii: "/") || c == UInt8(ascii: "+")
    }

    /// 40 characters of `[A-Za-z0-9/+]` mixing upper case, lower case and digits, not all hex
    /// (so git hashes stay), not a path, and not glued to a longer identifier.
    static func isAWSSecret(_ b: [UInt8], _ s: Int, _ e: Int) -> Bool {
        guard e - s == 40, b[s] != UInt8(ascii: "/") else { return false }
        if s > 0, b[s - 1] == UInt8(ascii: "_") || b[s - 1] == UInt8(ascii: "-") || b[s - 1] == UInt8(ascii: ".") { return false }
        if e < b.count, b[e] == UInt8(ascii: "_") || b[e] == UInt8(ascii: "-") || b[e] == UInt8(ascii: "=") { return false }
        let body = b[s..<e]
        let slashes = body.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) }
        return slashes <= 4 && body.contains(where: Bytes.isUpper) && body.contains(where: Bytes.isLower)
            && body.contains(where: Bytes.isDigit) && !body.allSatisfy(Bytes.isHex)
    }

    static let bearer = Array("bearer".utf8)

    /// `Bearer <credential>` (any case) where the credential is at least 16 token characters.
    static func bearerSpans(in b: [UInt8], into out: inout [RedactionSpan]) {
        var i = 0
        while let p = Bytes.find(bearer, in: b, from: i, ignoringCase: true) {
            i = p + bearer.count
            guard p == 0 || !Bytes.isAlnum(b[p - 1]) else { continue }
            var j = i
            while j < b.count, b[j] == 32 || b[j] == UInt8(ascii: ":") { j += 1 }
            guard j > i else { continue }
            var k = j
            while k < b.count, isCredentialByte(b[k]) { k += 1 }
            if k - j >= 16 {
                out.append(.init(start: j, end: k, kind: .bearerToken))
                i = k
            }
        }
    }

    @inline(__always) static func isCredentialByte(_ c: UInt8) -> Bool {
        Bytes.isWord(c) || c == UInt8(ascii: ".") || c == UInt8(ascii: "~") || c == UInt8(ascii: "+")
            || c == UInt8(ascii: "/") || c == UInt8(ascii: "=")
    }
}
