/// Checks bytes for well-formed UTF-8 (Unicode 15, table 3-7) without building a `String`.
///
/// Accepts exactly what `String(decoding:as: UTF8.self)` keeps unchanged: no overlong forms,
/// no surrogates (U+D800–U+DFFF), nothing above U+10FFFF. Runs of ASCII are checked eight
/// bytes at a time.
enum UTF8Check {
    /// Whether all of `bytes` are ASCII (below 0x80).
    static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let n = bytes.count
        var i = 0
        var acc: UInt64 = 0
        while i + 32 <= n {
            // Four independent words per step: no dependency chain, and the loop vectorises.
            acc |= base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                | base.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                | base.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)
                | base.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)
            i += 32
        }
        while i + 8 <= n {
            acc |= base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            i += 8
        }
        while i < n {
            acc |= UInt64(base.load(fromByteOffset: i, as: UInt8.self))
            i += 1
        }
        return acc & 0x8080_8080_8080_8080 == 0
    }

    /// Whether `bytes` are well-formed UTF-8.
    static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if isASCII(bytes) { return true }
        let n = bytes.count
        var i = 0
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            let (length, lo, hi) = lead(b0)
            guard length > 0, i + length <= n else { return false }
            // The second byte's range depends on the lead byte; the others are plain continuations.
            let b1 = bytes[i + 1]
            guard b1 >= lo && b1 <= hi else { return false }
            var k = 2
            while k < length {
                guard bytes[i + k] & 0xC0 == 0x80 else { return false }
                k += 1
            }
            i += length
        }
        return true
    }

    /// Sequence length and allowed range of the second byte for a non-ASCII lead byte
    /// (length 0: not a valid lead byte).
    private static func lead(_ b: UInt8) -> (length: Int, lo: UInt8, hi: UInt8) {
        switch b {
        case 0xC2...0xDF: return (2, 0x80, 0xBF)
        case 0xE0: return (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: return (3, 0x80, 0xBF)
        case 0xED: return (3, 0x80, 0x9F)
        case 0xF0: return (4, 0x90, 0xBF)
        case 0xF1...0xF3: return (4, 0x80, 0xBF)
        case 0xF4: return (4, 0x80, 0x8F)
        default: return (0, 0, 0)
        }
    }
}
