/// Appends bytes at a raw pointer for ``TokenMasker``; the caller provides room for three bytes per
/// input byte, the most masking can write (a one-byte value becomes `<*>`).
struct MaskWriter {
    let base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0

    init(_ base: UnsafeMutablePointer<UInt8>) { self.base = base }

    @inline(__always) mutating func append(_ c: UInt8) {
        base[count] = c
        count += 1
    }

    @inline(__always) mutating func appendWildcard() {
        base[count] = 0x3C
        base[count + 1] = 0x2A
        base[count + 2] = 0x3E
        count += 3
    }

    @inline(__always) mutating func append(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        guard end > start, let source = b.baseAddress else { return }
        (base + count).update(from: source + start, count: end - start)
        count += end - start
    }
}
