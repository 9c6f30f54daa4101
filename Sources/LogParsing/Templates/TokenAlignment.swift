/// Decides whether a message of another length is a variant of a template: the same event with an
/// optional group of values present or absent (`1190 bytes (1.16 KB) sent` beside `0 bytes sent`),
/// or one value written as one token or as a number with its unit (`lifetime 00:02` beside
/// `lifetime <1 sec`).
///
/// The two token sequences are aligned by their longest common subsequence of equal tokens. They are variants when every stretch left
/// unaligned, on either side,
/// is a value group: it starts with a value (a token of digits, wildcards and punctuation, see
/// ``isPureValue(_:)``) and every token in it is a value or directly follows one (a unit such as
/// `KB)` or `sec`). A stretch that holds a word not preceded by a value (`invalid user <*>` beside
/// `<*>`) or a named field (`user=<*>`) says the messages differ in what they say, not only in
/// their values, and prevents the match. The aligned tokens must reach the threshold of the shorter
/// sequence, and the first tokens must be equal.
struct TokenAlignment {
    /// Longest sequence compared; longer messages are never aligned (the table grows with the
    /// product of the lengths).
    static let maxTokens = 64

    private let template: MinerCluster
    private let message: MessageTokens

    init(_ template: MinerCluster, _ message: MessageTokens) {
        self.template = template
        self.message = message
    }

    /// Whether the message is a variant of the template with at least `needed` aligned tokens.
    func isVariant(needed: Int) -> Bool {
        let n = template.hashes.count
        let m = message.count
        guard n > 0, m > 0, n <= Self.maxTokens, m <= Self.maxTokens, min(n, m) >= needed else { return false }
        guard template.hashes[0] == message.hash(0) else { return false }
        // lcs[i * (m + 1) + j]: longest common subsequence of template[i...] and message[j...].
        var lcs = [Int32](repeating: 0, count: (n + 1) * (m + 1))
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i * (m + 1) + j] =
                    aligned(i, j)
                    ? lcs[(i + 1) * (m + 1) + j + 1] + 1
                    : max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1])
            }
        }
        guard Int(lcs[0]) >= needed else { return false }
        return gapsAreValueGroups(lcs, n, m)
    }

    /// Walks one longest alignment and checks every unaligned stretch on both sides.
    private func gapsAreValueGroups(_ lcs: [Int32], _ n: Int, _ m: Int) -> Bool {
        var i = 0
        var j = 0
        var templateGap = 0..<0
        var messageGap = 0..<0
        while i < n || j < m {
            if i < n, j < m, aligned(i, j), lcs[i * (m + 1) + j] == lcs[(i + 1) * (m + 1) + j + 1] + 1 {
                guard closeGaps(&templateGap, &messageGap) else { return false }
                i += 1
                j += 1
                templateGap = i..<i
                messageGap = j..<j
            } else if j == m || (i < n && lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1]) {
                templateGap = templateGap.lowerBound..<(i + 1)
                i += 1
            } else {
                messageGap = messageGap.lowerBound..<(j + 1)
                j += 1
            }
        }
        return closeGaps(&templateGap, &messageGap)
    }

    private func closeGaps(_ templateGap: inout Range<Int>, _ messageGap: inout Range<Int>) -> Bool {
        isValueGroup(templateGap) { Self.isPureValue(template.tokens[$0].utf8) }
            && isValueGroup(messageGap) { message.withMasked($0, Self.isPureValue) }
    }

    /// An empty stretch, or one whose every token is a value or follows one.
    private func isValueGroup(_ gap: Range<Int>, _ isValue: (Int) -> Bool) -> Bool {
        var previousIsValue = false
        for k in gap {
            let value = isValue(k)
            if !value && !previousIsValue { return false }
            previousIsValue = value
        }
        return true
    }

    /// A token that is all value: it holds a digit or a wildcard and no letter outside `<*>`
    /// (`(<*>`, `<*>:<*>`, `<1`), unlike a field (`user=<*>`) or a numbered name (`node-<*>`) whose
    /// words say what the value is.
    static func isPureValue<C: Collection<UInt8>>(_ token: C) -> Bool {
        var value = false
        for c in token {
            if TokenMasker.isDigit(c) || c == 0x2A {
                value = true
            } else if (c | 0x20) &- 0x61 < 26 {
                return false
            }
        }
        return value
    }

    /// Template token `i` and message token `j` align when equal. A wildcard is not aligned with a
    /// value: both are left in the stretches, which the value-group rule accepts, so that a value
    /// written as several tokens (`<1 sec`) faces a one-token value (`<*>:<*>`) as a whole.
    @inline(__always)
    private func aligned(_ i: Int, _ j: Int) -> Bool { template.hashes[i] == message.hash(j) }
}
