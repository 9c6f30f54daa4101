/// A template token that mixes literal text with `<*>` wildcards, such as `<*>:<*>` or `node-<*>`,
/// matched against a message token. Each wildcard stands for any run of characters (possibly empty).
struct WildcardPattern: Sendable, Hashable {
    /// Literal pieces around the wildcards: one more than the number of wildcards.
    let literals: [[UInt8]]
    /// Whether the literal text holds a letter and no digit (`(uid=<*>)`, `node-<*>`): words that
    /// name what the values are, unlike punctuation between values (`<*>:<*>`, `<*>/<*>`) or
    /// numbered names that may vary themselves (`<*>-M0-<*>`).
    let isNamed: Bool

    /// The pattern of `token`, or `nil` when it holds no wildcard.
    init?(_ token: String) {
        var pieces: [[UInt8]] = []
        var current: [UInt8] = []
        let bytes = Array(token.utf8)
        var i = 0
        while i < bytes.count {
            if i + 2 < bytes.count && bytes[i] == 0x3C && bytes[i + 1] == 0x2A && bytes[i + 2] == 0x3E {
                pieces.append(current)
                current = []
                i += 3
            } else {
                current.append(bytes[i])
                i += 1
            }
        }
        guard !pieces.isEmpty else { return nil }
        pieces.append(current)
        literals = pieces
        isNamed =
            pieces.contains { $0.contains { ($0 | 0x20) &- 0x61 < 26 } }
            && !pieces.contains { $0.contains(where: TokenMasker.isDigit) }
    }

    /// Whether the bytes fit the pattern: the first and last literals anchored at the ends, the
    /// middle ones placed leftmost, which finds a match whenever one exists.
    func matches(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard isAnchored(in: b) else { return false }
        let limit = b.count - literals[literals.count - 1].count
        var position = literals[0].count
        for k in 1..<(literals.count - 1) {
            guard let found = find(literals[k], in: b, from: position, limit: limit) else { return false }
            position = found + literals[k].count
        }
        return true
    }

    /// Appends the parts of the bytes at the wildcards to `values`; returns `false` (appending
    /// nothing) when they do not fit. One walk over the bytes, as ``matches(_:)`` makes it.
    func extract(_ b: UnsafeBufferPointer<UInt8>, into values: inout [String]) -> Bool {
        guard isAnchored(in: b) else { return false }
        let limit = b.count - literals[literals.count - 1].count
        let mark = values.count
        var position = literals[0].count
        for k in 1..<(literals.count - 1) {
            guard let found = find(literals[k], in: b, from: position, limit: limit) else {
                values.removeSubrange(mark...)
                return false
            }
            values.append(String(decoding: UnsafeBufferPointer(rebasing: b[position..<found]), as: UTF8.self))
            position = found + literals[k].count
        }
        values.append(String(decoding: UnsafeBufferPointer(rebasing: b[position..<max(position, limit)]), as: UTF8.self))
        return true
    }

    /// Whether the first literal starts the bytes and the last one ends them, without overlapping.
    @inline(__always)
    private func isAnchored(in b: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = literals[0]
        let last = literals[literals.count - 1]
        return first.count + last.count <= b.count && hasLiteral(first, in: b, at: 0)
            && hasLiteral(last, in: b, at: b.count - last.count)
    }

    @inline(__always)
    private func hasLiteral(_ literal: [UInt8], in b: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        literal.withUnsafeBufferPointer { l in
            for k in 0..<l.count where b[offset + k] != l[k] { return false }
            return true
        }
    }

    /// First offset `>= from` where `literal` lies wholly before `limit`.
    private func find(_ literal: [UInt8], in b: UnsafeBufferPointer<UInt8>, from: Int, limit: Int) -> Int? {
        guard !literal.isEmpty else { return from }
        var start = from
        while start + literal.count <= limit {
            if hasLiteral(literal, in: b, at: start) { return start }
            start += 1
        }
        return nil
    }
}
