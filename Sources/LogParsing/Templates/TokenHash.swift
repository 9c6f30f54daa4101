/// A 64-bit hash of a token's bytes, read eight bytes at a time. Template and message tokens are
/// compared by this hash (equal hashes are taken as equal tokens; a false match needs a 64-bit
/// collision between two tokens at the same position of the same leaf).
enum TokenHash {
    /// Bytes that may be read past a token's end (they are masked off): buffers passed to
    /// ``of(_:_:_:)`` must extend this far beyond the token.
    static let slack = 8

    /// Hash of `base[start..<end]`; reads up to ``slack`` bytes past `end`.
    @inline(__always)
    static func of(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: end - start)
        var k = start
        let raw = UnsafeRawPointer(base)
        while k + 8 <= end {
            h = mix(h, raw.loadUnaligned(fromByteOffset: k, as: UInt64.self))
            k += 8
        }
        if k < end {
            let tail = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
            let bits = UInt64(end - k) * 8
            h = mix(h, tail & ((1 << bits) &- 1))
        }
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        return h
    }

    @inline(__always) private static func mix(_ h: UInt64, _ chunk: UInt64) -> UInt64 {
        let x = (h ^ chunk) &* 0xC2B2_AE3D_27D4_EB4F
        return (x << 31 | x >> 33) &* 0x1656_67B1_9E37_79F9
    }

    static func of(_ token: String) -> UInt64 {
        var bytes = Array(token.utf8)
        let n = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: slack))
        return bytes.withUnsafeBufferPointer { of($0.baseAddress!, 0, n) }
    }

    /// Hash of a token's shape: its bytes with every run of digits read as one `0`, so that
    /// numbered names that differ only in their numbers (`an14` / `an121`, `sda7` / `sda2`,
    /// `r00=<*>` / `r27=<*>`) have the same shape.
    static func shape<C: Collection<UInt8>>(_ token: C) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        var inDigits = false
        for c in token {
            let digit = TokenMasker.isDigit(c)
            if digit && inDigits { continue }
            inDigits = digit
            h = (h ^ UInt64(digit ? 0x30 : c)) &* 0x100_0000_01B3
        }
        return h
    }

    /// Hash of `<*>`.
    static let wildcard = of(TokenMasker.wildcard)
}
