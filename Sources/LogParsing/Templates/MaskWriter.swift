/// Appends bytes at a raw pointer for ``TokenMasker``; the caller provides room for three bytes per
/// input byte, the most masking can write (a one-byte value becomes `<*>`).
///
/// It notes whether the text may need ``TokenMasker/canonicalize(_:)``: only when a wildcard is
/// glued to other bytes of a word, or follows `<*>.`, can the rules change anything (given a
/// token that held no `*` of its own).
struct MaskWriter {
    let base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    /// Whether a wildcard touched a non-delimiter byte or followed `<*>.`.
    private(set) var mayNeedCanonical = false
    /// Where the last wildcard written ends.
    private var wildcardEnd = -1

    init(_ base: UnsafeMutablePointer<UInt8>) { self.base = base }

    /// Appends a delimiter (masking copies single bytes only between values and parts).
    @inline(__always) mutating func append(_ c: UInt8) {
        base[count] = c
        count += 1
    }

    @inline(__always) mutating func appendWildcard() {
        if count > 0 {
            let previous = base[count - 1]
            if !TokenMasker.isAnyDelimiter(previous)
                || (previous == 0x2E && count >= 4 && base[count - 4] == 0x3C && base[count - 3] == 0x2A
                    && base[count - 2] == 0x3E)
            {
                mayNeedCanonical = true
            }
        }
        base[count] = 0x3C
        base[count + 1] = 0x2A
        base[count + 2] = 0x3E
        count += 3
        wildcardEnd = count
    }

    /// Appends `b[start..<end]`, a piece of a word (no delimiters).
    @inline(__always) mutating func append(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        guard end > start, let source = b.baseAddress else { return }
        if count == wildcardEnd { mayNeedCanonical = true }
        (base + count).update(from: source + start, count: end - start)
        count += end - start
    }
}
