import CZstd
import Foundation
import LoopbackHTTPServer
import Synchronization

/// An HTTP receiver on 127.0.0.1 for the shipping tests: it can be down (nothing listens on its
/// port) and come up later on the same port; it decodes zstd bodies of JSON lines and records
/// the `seq=NNNNNN` numbers of the messages in arrival order.
final class ShipReceiver: Sendable {
    private struct State {
        var seqs: [Int] = []
        var requests = 0
        var notZstd = 0
        var undecodable = 0
    }

    let port: Int
    private let state = Mutex(State())
    private let server = Mutex<LoopbackHTTPServer?>(nil)

    /// A receiver that is down: its port is free until `up()`.
    init() throws {
        port = try LoopbackHTTPServer.unusedPort()
    }

    var url: String { "http://127.0.0.1:\(port)/ingest" }

    /// Starts listening on `port`.
    func up() throws {
        let s = try LoopbackHTTPServer(port: port) { [weak self] in self?.answer($0) ?? .text("gone", status: 503) }
        server.withLock { $0 = s }
    }

    func down() { server.withLock { $0?.stop(); $0 = nil } }

    /// Sequence numbers received, in arrival order (duplicates included).
    var seqs: [Int] { state.withLock { $0.seqs } }
    var requests: Int { state.withLock { $0.requests } }
    /// Requests without `Content-Encoding: zstd`.
    var notZstd: Int { state.withLock { $0.notZstd } }
    var undecodable: Int { state.withLock { $0.undecodable } }

    private func answer(_ r: RecordedRequest) -> LoopbackResponse {
        guard r.header("Content-Encoding") == "zstd" else {
            state.withLock { $0.requests += 1; $0.notZstd += 1 }
            return .text("zstd expected", status: 415)
        }
        guard let body = Self.unzstd([UInt8](r.body)) else {
            state.withLock { $0.requests += 1; $0.undecodable += 1 }
            return .text("bad zstd", status: 400)
        }
        var got: [Int] = []
        for line in body.split(separator: UInt8(ascii: "\n")) {
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                let message = obj["message"] as? String, let range = message.range(of: "seq="),
                let n = Int(message[range.upperBound...].prefix(6))
            else { continue }
            got.append(n)
        }
        state.withLock { $0.requests += 1; $0.seqs += got }
        return .json("{\"ok\":true}")
    }

    /// Decompresses one or more zstd frames; nil when the data is not valid zstd.
    static func unzstd(_ input: [UInt8]) -> [UInt8]? {
        guard let ds = ZSTD_createDStream() else { return nil }
        defer { ZSTD_freeDStream(ds) }
        ZSTD_initDStream(ds)
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var last = 0
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
                out += buffer[0..<produced]
            }
            return true
        }
        return ok && last == 0 ? out : nil
    }
}
