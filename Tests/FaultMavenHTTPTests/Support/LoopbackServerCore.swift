import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The state shared by the accept thread and the connection threads.
final class LoopbackServerCore: Sendable {
    typealias Handler = @Sendable (RecordedRequest) -> LoopbackResponse

    private struct State {
        var handler: Handler
        var requests: [RecordedRequest] = []
        var connections = 0
    }

    static let maxRecorded = 10_000

    private let state: Mutex<State>
    private let stopped = Atomic<Bool>(false)

    init(handler: @escaping Handler) {
        state = Mutex(State(handler: handler))
    }

    var isStopped: Bool { stopped.load(ordering: .relaxed) }
    func stop() { stopped.store(true, ordering: .relaxed) }

    func setHandler(_ handler: @escaping Handler) { state.withLock { $0.handler = handler } }
    var requests: [RecordedRequest] { state.withLock { $0.requests } }
    var connections: Int { state.withLock { $0.connections } }

    /// Stores `request` and returns the handler's answer.
    func record(_ request: RecordedRequest) -> LoopbackResponse {
        let handler = state.withLock { s -> Handler in
            if s.requests.count < Self.maxRecorded { s.requests.append(request) }
            return s.handler
        }
        return handler(request)
    }

    /// Accepts connections until stopped, then closes `listenFD`.
    func acceptLoop(listenFD: Int32) {
        defer { close(listenFD) }
        while !isStopped {
            guard LoopbackSocket.waitReadable(listenFD, milliseconds: 50) else { continue }
            let fd = accept(listenFD, nil, nil)
            guard fd >= 0 else { continue }
            state.withLock { $0.connections += 1 }
            let connection = LoopbackConnection(fd: fd, core: self)
            let thread = Thread { connection.serve() }
            thread.name = "loopback-connection"
            thread.start()
        }
    }
}
