import CZstd
import FaultMavenCore
import Foundation
import Hummingbird
import Synchronization

/// The shipping benchmark's sink: an in-process Hummingbird server on 127.0.0.1 that takes
/// zstd-compressed JSON-lines bodies, decompresses them and counts records (lines) and bytes.
/// The decompression CPU time is measured (thread CPU clock) so it can be told apart from the
/// shipper's.
final class BenchReceiver: Sendable {
    struct Counts: Sendable {
        var requests = 0
        var records = 0
        var wireBytes = 0
        var jsonBytes = 0
        var failures = 0
        var decodeCPUSeconds = 0.0
    }

    private let counts = Mutex(Counts())
    private let port = Mutex<Int?>(nil)
    private let task = Mutex<Task<Void, any Error>?>(nil)

    /// Starts the server; returns once it listens.
    func start() async throws -> Int {
        let router = Router()
        router.post("ingest") { [self] request, _ -> HTTPResponse.Status in
            let body = try await request.body.collect(upTo: 512 << 20)
            return take(body.readableBytesView.map { $0 })
        }
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "bench-receiver"),
            onServerRunning: { [self] channel in port.withLock { $0 = channel.localAddress?.port } })
        task.withLock { $0 = Task { try await app.run() } }
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if let p = port.withLock({ $0 }) { return p }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw FaultMavenError.runtime("the bench receiver did not start within 30 s")
    }

    func stop() { task.withLock { $0?.cancel() } }

    var snapshot: Counts { counts.withLock { $0 } }

    private func take(_ body: [UInt8]) -> HTTPResponse.Status {
        let cpu0 = Self.threadCPU()
        let decoded = Self.countLines(zstd: body)
        let cpu = Self.threadCPU() - cpu0
        return counts.withLock { c in
            c.requests += 1
            c.decodeCPUSeconds += cpu
            guard let (lines, bytes) = decoded else {
                c.failures += 1
                return .badRequest
            }
            c.records += lines
            c.jsonBytes += bytes
            c.wireBytes += body.count
            return .ok
        }
    }

    /// Lines and decompressed bytes of one or more zstd frames, streaming; nil when invalid.
    static func countLines(zstd input: [UInt8]) -> (Int, Int)? {
        guard let ds = ZSTD_createDStream() else { return nil }
        defer { ZSTD_freeDStream(ds) }
        ZSTD_initDStream(ds)
        var buffer = [UInt8](repeating: 0, count: 1 << 17)
        var lines = 0, bytes = 0, last = 0
        let ok = input.withUnsafeBytes { src -> Bool in
            var inBuf = ZSTD_inBuffer(src: src.baseAddress, size: src.count, pos: 0)
            while inBuf.pos < inBuf.size {
                let produced = buffer.withUnsafeMutableBytes { dst -> Int in
                    var outBuf = ZSTD_outBuffer(dst: dst.baseAddress, size: dst.count, pos: 0)
                    let rc = ZSTD_decompressStream(ds, &outBuf, &inBuf)
                    if ZSTD_isError(rc) != 0 { return -1 }
                    last = rc
                    return outBuf.pos
                }
                if produced < 0 { return false }
                bytes += produced
                for i in 0..<produced where buffer[i] == 0x0A { lines += 1 }
            }
            return true
        }
        return ok && last == 0 ? (lines, bytes) : nil
    }

    static func threadCPU() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
