import CZlib
import CZstd
import Foundation

/// Decoders for what the outputs write: zstd (one or more frames) and gzip (one or more members).
enum Codecs {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static func unzstd(_ data: Data) throws -> Data {
        guard let ds = ZSTD_createDStream() else { throw Failure(description: "no zstd stream") }
        defer { ZSTD_freeDStream(ds) }
        ZSTD_initDStream(ds)
        var out = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        let input = [UInt8](data)
        var last = 0
        try input.withUnsafeBytes { src in
            var inBuf = ZSTD_inBuffer(src: src.baseAddress, size: src.count, pos: 0)
            while inBuf.pos < inBuf.size {
                let produced = try buffer.withUnsafeMutableBytes { dst -> Int in
                    var outBuf = ZSTD_outBuffer(dst: dst.baseAddress, size: dst.count, pos: 0)
                    let rc = ZSTD_decompressStream(ds, &outBuf, &inBuf)
                    if ZSTD_isError(rc) != 0 { throw Failure(description: String(cString: ZSTD_getErrorName(rc))) }
                    last = rc
                    return outBuf.pos
                }
                out.append(contentsOf: buffer[0..<produced])
            }
        }
        guard last == 0 else { throw Failure(description: "truncated zstd data") }
        return out
    }

    static func gunzip(_ data: Data) throws -> Data {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure(description: "no zlib stream")
        }
        defer { inflateEnd(&stream) }
        var input = [UInt8](data)
        var out = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var finished = false
        try input.withUnsafeMutableBytes { src in
            stream.next_in = src.bindMemory(to: UInt8.self).baseAddress
            stream.avail_in = UInt32(src.count)
            while stream.avail_in > 0 || !finished {
                let (rc, produced) = buffer.withUnsafeMutableBytes { dst -> (Int32, Int) in
                    stream.next_out = dst.bindMemory(to: UInt8.self).baseAddress
                    stream.avail_out = UInt32(dst.count)
                    let rc = inflate(&stream, Z_NO_FLUSH)
                    return (rc, dst.count - Int(stream.avail_out))
                }
                out.append(contentsOf: buffer[0..<produced])
                switch rc {
                case Z_STREAM_END:
                    finished = true
                    if stream.avail_in > 0 { inflateReset(&stream); finished = false }
                case Z_OK: continue
                default: throw Failure(description: "zlib error \(rc)")
                }
            }
        }
        return out
    }

    /// Undoes `Content-Encoding` of a request body.
    static func decode(_ body: Data, encoding: String?) throws -> Data {
        switch encoding {
        case "zstd": try unzstd(body)
        case "gzip": try gunzip(body)
        default: body
        }
    }

    /// JSON objects of a JSON-lines or JSON-array body.
    static func objects(_ body: Data) throws -> [[String: Any]] {
        if body.first == UInt8(ascii: "[") {
            return try (JSONSerialization.jsonObject(with: body) as? [[String: Any]]) ?? []
        }
        return try body.split(separator: UInt8(ascii: "\n")).map {
            try JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] ?? [:]
        }
    }
}
