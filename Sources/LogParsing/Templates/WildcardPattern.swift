/// A template token that mixes literal text with `<*>` wildcards, such as `<*>:<*>` or `node-<*>`,
/// matched against a message token. Each wildcard stands for any run of characters (possibly empty).
struct WildcardPattern: Sendable, Hashable {
    /// Literal pieces around the wildcards: one more than the number of wildcards.
    let literals: [[UInt8]]

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
    }

    /// Whether `value` fits the pattern.
    func matches(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { wildcardRanges(in: $0) != nil }
    }

    /// The parts of `value` at the wildcards, or `nil` when it does not fit.
    func extract(_ value: String) -> [String]? {
        var value = value
        return value.withUTF8 { bytes in
            wildcardRanges(in: bytes).map { ranges in
                ranges.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
            }
        }
    }

    /// Anchors the first and last literals at the ends and places the middle ones leftmost,
    /// which finds a match whenever one exists.
    private func wildcardRanges(in b: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
        let first = literals[0]
        let last = literals[literals.count - 1]
        guard first.count + last.count <= b.count, hasLiteral(first, in: b, at: 0),
            hasLiteral(last, in: b, at: b.count - last.count)
        else { return nil }
        let limit = b.count - last.count
        var position = first.count
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(literals.count - 1)
        for literal in literals.dropFirst().dropLast() {
            guard let found = find(literal, in: b, from: position, limit: limit) else { return nil }
            ranges.append(position..<found)
            position = found + literal.count
        }
        ranges.append(position..<limit)
        return ranges
    }

    private func hasLiteral(_ literal: [UInt8], in b: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        for (k, c) in literal.enumerated() where b[offset + k] != c { return false }
        return true
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
