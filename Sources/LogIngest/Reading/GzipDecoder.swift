import CZlib
import FaultMavenCore

/// Decodes gzip data (one or more concatenated members, as `gzip -c a b >> c` makes) with zlib.
/// Zero bytes between or after members (tape padding) are skipped, as `gzip -d` does.
final class GzipDecoder: ByteDecoder {
    private var input: ByteInput
    /// zlib keeps a pointer back to its stream: the `z_stream` must not move.
    private let stream: UnsafeMutablePointer<z_stream>
    private var inBuffer: [UInt8]
    private var inputEnded = false
    /// Inside a member (between its header and its trailer).
    private var inMember = false

    init(input: ByteInput, bufferSize: Int = 64 * 1024) throws {
        self.input = input
        self.inBuffer = [UInt8](repeating: 0, count: bufferSize)
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // 15 + 32: largest window, detect the gzip (or zlib) header automatically.
        let rc = inflateInit2_(stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        if rc != Z_OK {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw FaultMavenError.runtime("\(input.name): cannot start gzip decoder (zlib error \(rc))")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    var rawBytesRead: Int64 { input.bytesRead }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let out = buffer.baseAddress, buffer.count > 0 else { return 0 }
        return try inBuffer.withUnsafeMutableBytes { inRaw -> Int in
            let inBase = inRaw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            while true {
                if stream.pointee.avail_in == 0 && !inputEnded {
                    let n = try input.read(into: inRaw)
                    if n == 0 {
                        inputEnded = true
                    } else {
                        stream.pointee.next_in = inBase
                        stream.pointee.avail_in = UInt32(n)
                    }
                }
                if !inMember {
                    skipPadding()
                    if stream.pointee.avail_in == 0 {
                        if inputEnded { return 0 }
                        continue
                    }
                    inMember = true
                }
                stream.pointee.next_out = out.assumingMemoryBound(to: UInt8.self)
                stream.pointee.avail_out = UInt32(buffer.count)
                let rc = inflate(stream, Z_NO_FLUSH)
                let produced = buffer.count - Int(stream.pointee.avail_out)
                switch rc {
                case Z_STREAM_END:
                    inMember = false
                    inflateReset(stream)
                case Z_OK, Z_BUF_ERROR:
                    if produced == 0 && rc == Z_BUF_ERROR && inputEnded && stream.pointee.avail_in == 0 {
                        throw FaultMavenError.badInput("\(input.name): truncated gzip file (\(truncatedDataMarker))")
                    }
                default:
                    let detail = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(rc)"
                    throw FaultMavenError.badInput("\(input.name): invalid gzip data (\(detail))")
                }
                if produced > 0 { return produced }
            }
        }
    }

    /// Skips zero bytes found where a member header would start.
    private func skipPadding() {
        while stream.pointee.avail_in > 0 && stream.pointee.next_in.pointee == 0 {
            stream.pointee.next_in += 1
            stream.pointee.avail_in -= 1
        }
    }
}
