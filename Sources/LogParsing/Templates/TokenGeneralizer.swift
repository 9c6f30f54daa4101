/// Merges two differing tokens at the same template position into the most specific token that
/// covers both, keeping the structure they share: `host-a:<*>` and `host-b:<*>` give `<*>:<*>`,
/// `node-12` and `node-7` give `node-<*>`; tokens with different structure give `<*>`.
enum TokenGeneralizer {
    static func generalize(_ a: String, _ b: String) -> String {
        if a == b { return a }
        if a == TokenMasker.wildcard || b == TokenMasker.wildcard { return TokenMasker.wildcard }
        if let renumbered = renumbered(a, b) { return renumbered }
        let left = Split(Array(a.utf8), TokenMasker.isStructuralDelimiter)
        let right = Split(Array(b.utf8), TokenMasker.isStructuralDelimiter)
        guard left.delimiters == right.delimiters else { return TokenMasker.wildcard }
        var out: [UInt8] = []
        for k in left.pieces.indices {
            if k > 0 { out.append(left.delimiters[k - 1]) }
            let (x, y) = (left.pieces[k], right.pieces[k])
            if x == y {
                out.append(contentsOf: x)
                continue
            }
            let fineX = Split(Array(x), TokenMasker.isValueDelimiter)
            let fineY = Split(Array(y), TokenMasker.isValueDelimiter)
            guard fineX.delimiters == fineY.delimiters else {
                out.append(contentsOf: TokenMasker.wildcardBytes)
                continue
            }
            for m in fineX.pieces.indices {
                if m > 0 { out.append(fineX.delimiters[m - 1]) }
                if fineX.pieces[m] == fineY.pieces[m] {
                    out.append(contentsOf: fineX.pieces[m])
                } else {
                    out.append(contentsOf: TokenMasker.wildcardBytes)
                }
            }
        }
        TokenMasker.canonicalize(&out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Two numbered names that differ only in their numbers (`sda4` / `sda7`, `r00=<*>` /
    /// `r27=<*>`) give the name with `<*>` for each number (`sda<*>`, `r<*>=<*>`), so the template
    /// keeps saying which name varies; `nil` for other pairs.
    private static func renumbered(_ a: String, _ b: String) -> String? {
        guard a.utf8.contains(where: TokenMasker.isDigit), TokenHash.shape(a.utf8) == TokenHash.shape(b.utf8) else {
            return nil
        }
        var out: [UInt8] = []
        var inDigits = false
        for c in a.utf8 {
            let digit = TokenMasker.isDigit(c)
            if digit && !inDigits { out.append(contentsOf: TokenMasker.wildcardBytes) }
            if !digit { out.append(c) }
            inDigits = digit
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `bytes` cut at every delimiter: `pieces.count == delimiters.count + 1`.
    private struct Split {
        var pieces: [ArraySlice<UInt8>] = []
        var delimiters: [UInt8] = []

        init(_ bytes: [UInt8], _ isDelimiter: (UInt8) -> Bool) {
            var start = 0
            for (i, c) in bytes.enumerated() where isDelimiter(c) {
                pieces.append(bytes[start..<i])
                delimiters.append(c)
                start = i + 1
            }
            pieces.append(bytes[start...])
        }
    }
}
