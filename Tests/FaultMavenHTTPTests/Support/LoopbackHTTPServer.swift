import Foundation

/// A small HTTP/1.1 server on 127.0.0.1 (ephemeral port, threads of its own) for tests: it records
/// every request and answers each with what its handler returns. Stops when `stop()` is called or
/// when the object goes away.
public final class LoopbackHTTPServer: Sendable {
    public let port: Int
    private let core: LoopbackServerCore

    /// Starts serving on `port` (0: an ephemeral port); `handler` decides each answer.
    public init(port: Int = 0, handler: @escaping @Sendable (RecordedRequest) -> LoopbackResponse) throws {
        let (fd, port) = try LoopbackSocket.listen(port: port)
        self.port = port
        core = LoopbackServerCore(handler: handler)
        let thread = Thread { [core] in core.acceptLoop(listenFD: fd) }
        thread.name = "loopback-accept"
        thread.start()
    }

    /// Serves `responses` in order, repeating the last one for any further request.
    public convenience init(sequence responses: [LoopbackResponse]) throws {
        let served = LoopbackCounter()
        try self.init { _ in
            let i = served.next()
            return responses.isEmpty ? .text("no scripted response", status: 500) : responses[min(i, responses.count - 1)]
        }
    }

    deinit { core.stop() }

    /// `http://127.0.0.1:<port>`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Every request received so far, in arrival order.
    public var requests: [RecordedRequest] { core.requests }

    /// TCP connections accepted so far.
    public var connectionsAccepted: Int { core.connections }

    /// Replaces the handler for later requests.
    public func setHandler(_ handler: @escaping @Sendable (RecordedRequest) -> LoopbackResponse) {
        core.setHandler(handler)
    }

    /// Stops accepting and closes every connection within ~50 ms.
    public func stop() { core.stop() }

    /// A port on 127.0.0.1 that nothing listens on.
    public static func unusedPort() throws -> Int { try LoopbackSocket.unusedPort() }

    /// Waits (polling, up to `deadline`) until `condition` holds; returns whether it did.
    public static func wait(
        upTo deadline: Duration = .seconds(60), until condition: @Sendable () -> Bool
    ) async -> Bool {
        let clock = ContinuousClock()
        let end = clock.now + deadline
        while clock.now < end {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return condition()
    }
}
