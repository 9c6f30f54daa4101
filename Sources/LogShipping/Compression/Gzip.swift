import CZlib

/// One-shot gzip compression (RFC 1952 member) of request bodies, and CRC-32 for chunk frames.
enum Gzip {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func compress(_ input: [UInt8], level: Int32 = 6) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        // 15 + 16: largest window, gzip wrapper.
        var rc = deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard rc == Z_OK else { throw Failure(description: "cannot start gzip compression (zlib error \(rc))") }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, UInt(input.count)))
        var out = [UInt8](repeating: 0, count: bound)
        var produced = 0
        rc = input.withUnsafeBytes { src in
            out.withUnsafeMutableBytes { dst in
                stream.next_in = UnsafeMutablePointer(mutating: src.bindMemory(to: UInt8.self).baseAddress)
                stream.avail_in = UInt32(src.count)
                stream.next_out = dst.bindMemory(to: UInt8.self).baseAddress
                stream.avail_out = UInt32(dst.count)
                let r = deflate(&stream, Z_FINISH)
                produced = dst.count - Int(stream.avail_out)
                return r
            }
        }
        guard rc == Z_STREAM_END else { throw Failure(description: "gzip compression failed (zlib error \(rc))") }
        out.removeSubrange(produced...)
        return out
    }

    /// CRC-32 (IEEE) of `bytes`, continuing from `crc`.
    static func crc32(_ bytes: ArraySlice<UInt8>, crc: UInt32 = 0) -> UInt32 {
        guard !bytes.isEmpty else { return crc }
        return bytes.withUnsafeBytes { raw in
            UInt32(CZlib.crc32(UInt(crc), raw.bindMemory(to: UInt8.self).baseAddress, UInt32(raw.count)))
        }
    }
}
