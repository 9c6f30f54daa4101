import FaultMavenHTTP
import Foundation
import LoopbackHTTPServer
import Testing

@Suite struct HTTPClientStreamingTests {
    let client = HTTPClient(maxConcurrentTransfers: 4)

    @Test func headArrivesThenChunksInOrderBeforeTheBodyEnds() async throws {
        let gate = LoopbackGate()
        let server = try LoopbackHTTPServer { _ in .eventStream(["first|", "second|", "third"], gate: gate) }
        defer { server.stop() }
        let response = try await client.stream(HTTPRequest(method: "POST", url: server.baseURL + "/sse", body: Data("{}".utf8)))
        #expect(response.status == 200)
        #expect(response.headers["Content-Type"] == "text/event-stream")
        var iterator = response.body.makeAsyncIterator()
        // The server holds the rest until the gate opens: the first chunk must arrive on its own.
        let first = try await iterator.next()
        #expect(first.map { String(decoding: $0, as: UTF8.self) } == "first|")
        gate.open()
        var rest = Data()
        while let chunk = try await iterator.next() { rest.append(chunk) }
        #expect(String(decoding: rest, as: UTF8.self) == "second|third")
    }

    @Test func errorStatusStillDeliversHeadAndBody() async throws {
        let server = try LoopbackHTTPServer { _ in .json("{\"error\":\"nope\"}", status: 429, headers: [("Retry-After", "7")]) }
        defer { server.stop() }
        let response = try await client.stream(HTTPRequest(url: server.baseURL + "/"))
        #expect(response.status == 429)
        #expect(response.headers["retry-after"] == "7")
        #expect(String(decoding: try await response.collect(), as: UTF8.self) == "{\"error\":\"nope\"}")
    }

    @Test func streamTimeoutEndsTheBodyWithTimeout() async throws {
        let gate = LoopbackGate()
        let server = try LoopbackHTTPServer { _ in .eventStream(["data: a\n\n", "data: b\n\n"], gate: gate) }
        defer {
            gate.open()
            server.stop()
        }
        let response = try await client.stream(HTTPRequest(url: server.baseURL + "/", totalTimeout: .milliseconds(400)))
        var chunks = 0
        let error = await captureError {
            for try await _ in response.body { chunks += 1 }
        }
        #expect(chunks == 1)
        #expect(error?.kind == .timeout)
    }

    @Test func oversizedStreamFailsWithTooLarge() async throws {
        let big = String(repeating: "x", count: 4_000)
        let server = try LoopbackHTTPServer { _ in .eventStream([big, big, big]) }
        defer { server.stop() }
        let response = try await client.stream(HTTPRequest(url: server.baseURL + "/", maxResponseBytes: 6_000))
        let error = await captureError { _ = try await response.collect() }
        #expect(error?.kind == .responseTooLarge)
    }

    @Test func cancellingTheConsumerAbortsTheTransfer() async throws {
        let gate = LoopbackGate()
        let server = try LoopbackHTTPServer { _ in .eventStream(["one", "two"], gate: gate) }
        defer {
            gate.open()
            server.stop()
        }
        let gotFirst = LoopbackCounter()
        let task = Task { [client] in
            let response = try await client.stream(HTTPRequest(url: server.baseURL + "/", totalTimeout: .seconds(120)))
            for try await _ in response.body { _ = gotFirst.next() }
        }
        #expect(await LoopbackHTTPServer.wait { gotFirst.count == 1 })
        task.cancel()
        _ = await task.result
        #expect(await LoopbackHTTPServer.wait { client.activeTransfers == 0 })
        #expect(gotFirst.count == 1)
    }

    @Test func cancellingWhileWaitingForTheHeadThrowsCancelled() async throws {
        let server = try LoopbackHTTPServer { _ in .stall(sendHead: false) }
        defer { server.stop() }
        let task = Task { [client] in
            _ = try await client.stream(HTTPRequest(url: server.baseURL + "/", totalTimeout: .seconds(120)))
        }
        #expect(await LoopbackHTTPServer.wait { server.requests.count == 1 })
        task.cancel()
        let error = await captureError { try await task.value }
        #expect(error?.kind == .cancelled)
    }

    @Test func explicitCancelEndsTheBody() async throws {
        let gate = LoopbackGate()
        let server = try LoopbackHTTPServer { _ in .eventStream(["one", "two"], gate: gate) }
        defer {
            gate.open()
            server.stop()
        }
        let response = try await client.stream(HTTPRequest(url: server.baseURL + "/", totalTimeout: .seconds(120)))
        var iterator = response.body.makeAsyncIterator()
        _ = try await iterator.next()
        response.cancel()
        let error = await captureError { while try await iterator.next() != nil {} }
        #expect(error?.kind == .cancelled)
    }
}
