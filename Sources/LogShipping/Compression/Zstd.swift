import CZstd

/// One-shot zstd compression of whole bodies and chunk frames.
enum Zstd {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Compresses `input` into one zstd frame (content size recorded in the frame header).
    static func compress(_ input: [UInt8], level: Int32) throws(Failure) -> [UInt8] {
        let bound = ZSTD_compressBound(input.count)
        var out = [UInt8](repeating: 0, count: bound)
        let n = out.withUnsafeMutableBytes { dst in
            input.withUnsafeBytes { src in
                ZSTD_compress(dst.baseAddress, bound, src.baseAddress, src.count, level)
            }
        }
        if ZSTD_isError(n) != 0 { throw Failure(description: "zstd compression failed (\(String(cString: ZSTD_getErrorName(n))))") }
        out.removeSubrange(n...)
        return out
    }

    /// Decompresses a frame whose decompressed size is exactly `size`.
    static func decompress(_ input: ArraySlice<UInt8>, size: Int) throws(Failure) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: max(size, 1))
        let n = out.withUnsafeMutableBytes { dst in
            input.withUnsafeBytes { src in
                ZSTD_decompress(dst.baseAddress, size, src.baseAddress, src.count)
            }
        }
        if ZSTD_isError(n) != 0 { throw Failure(description: "invalid zstd data (\(String(cString: ZSTD_getErrorName(n))))") }
        guard n == size else { throw Failure(description: "zstd data decoded to \(n) bytes, expected \(size)") }
        out.removeSubrange(size...)
        return out
    }
}
