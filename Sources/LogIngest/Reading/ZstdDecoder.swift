import CZstd
import FaultMavenCore

/// Decodes zstd data (one or more concatenated frames, skippable frames ignored) with the
/// streaming API. Input that ends inside a frame is an error naming the file.
final class ZstdDecoder: ByteDecoder {
    private var input: ByteInput
    private let dstream: OpaquePointer
    private var inBuffer: [UInt8]
    private var inPos = 0
    private var inSize = 0
    private var inputEnded = false
    /// Last `ZSTD_decompressStream` result: 0 when a frame is complete and flushed.
    private var lastHint = 0

    init(input: ByteInput) throws {
        self.input = input
        guard let ds = ZSTD_createDStream() else {
            throw FaultMavenError.runtime("\(input.name): cannot start zstd decoder")
        }
        dstream = ds
        inBuffer = [UInt8](repeating: 0, count: max(Int(ZSTD_DStreamInSize()), 64 * 1024))
        let rc = ZSTD_initDStream(ds)
        if ZSTD_isError(rc) != 0 {
            ZSTD_freeDStream(ds)
            throw FaultMavenError.runtime("\(input.name): cannot start zstd decoder (\(String(cString: ZSTD_getErrorName(rc))))")
        }
    }

    deinit { ZSTD_freeDStream(dstream) }

    var rawBytesRead: Int64 { input.bytesRead }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let out = buffer.baseAddress, buffer.count > 0 else { return 0 }
        return try inBuffer.withUnsafeMutableBytes { inRaw -> Int in
            while true {
                if inPos == inSize && !inputEnded {
                    let n = try input.read(into: inRaw)
                    if n == 0 { inputEnded = true } else { inPos = 0; inSize = n }
                }
                if inPos == inSize && inputEnded && lastHint == 0 { return 0 }
                var src = ZSTD_inBuffer(src: inRaw.baseAddress, size: inSize, pos: inPos)
                var dst = ZSTD_outBuffer(dst: out, size: buffer.count, pos: 0)
                let rc = ZSTD_decompressStream(dstream, &dst, &src)
                if ZSTD_isError(rc) != 0 {
                    throw FaultMavenError.badInput("\(input.name): invalid zstd data (\(String(cString: ZSTD_getErrorName(rc))))")
                }
                inPos = src.pos
                lastHint = rc
                if dst.pos > 0 { return dst.pos }
                if inputEnded && inPos == inSize {
                    throw FaultMavenError.badInput("\(input.name): truncated zstd file (\(truncatedDataMarker))")
                }
            }
        }
    }
}
