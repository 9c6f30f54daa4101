import Foundation
import LoopbackHTTPServer
import Synchronization

/// An HTTP receiver on 127.0.0.1 that decodes zstd/gzip JSON bodies into `received`. It can
/// answer a scripted list of failures first, or fail every request while `failing` is set.
final class TestReceiver: Sendable {
    /// What the request handler (on the server's threads) shares with the test.
    private final class State: Sendable {
        let received = Received()
        let script: Mutex<[LoopbackResponse]>
        let failing: Mutex<LoopbackResponse?>
        let lastHeaders = Mutex<[(name: String, value: String)]>([])
        let undecodable = Mutex(0)

        init(script: [LoopbackResponse], failing: LoopbackResponse?) {
            self.script = Mutex(script)
            self.failing = Mutex(failing)
        }

        func answer(_ request: RecordedRequest) -> LoopbackResponse {
            received.attempt()
            lastHeaders.withLock { $0 = request.headers }
            if let next = script.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) { return next }
            if let fail = failing.withLock({ $0 }) { return fail }
            do {
                let body = try Codecs.decode(request.body, encoding: request.header("Content-Encoding"))
                received.add(try Codecs.objects(body))
                return .json("{\"ok\":true}")
            } catch {
                undecodable.withLock { $0 += 1 }
                return .text("cannot decode: \(error)", status: 400)
            }
        }
    }

    let server: LoopbackHTTPServer
    private let state: State

    init(failFirst: [LoopbackResponse] = [], failing: LoopbackResponse? = nil) throws {
        let state = State(script: failFirst, failing: failing)
        self.state = state
        server = try LoopbackHTTPServer { state.answer($0) }
    }

    var received: Received { state.received }
    var url: String { server.baseURL + "/ingest" }

    /// Fails every later request with `response` (nil: accept again).
    func setFailing(_ response: LoopbackResponse?) { state.failing.withLock { $0 = response } }

    /// Header `name` of the last request.
    func lastHeader(_ name: String) -> String? {
        state.lastHeaders.withLock { h in h.first { $0.name.lowercased() == name.lowercased() }?.value }
    }

    var undecodableBodies: Int { state.undecodable.withLock { $0 } }

    func stop() { server.stop() }
}
