import FaultMavenHTTP
import Foundation
import LoopbackHTTPServer
import Testing

@Suite struct HTTPClientTests {
    let client = HTTPClient(maxConcurrentTransfers: 4)

    @Test func getSendsHeadersAndReturnsStatusHeadersBody() async throws {
        let server = try LoopbackHTTPServer { _ in .text("hello", status: 203, headers: [("X-Reply", "yes")]) }
        defer { server.stop() }
        let response = try await client.send(
            HTTPRequest(url: server.baseURL + "/path/x?q=1", headers: ["X-Test": "abc", "User-Agent": "fm-test"]))
        #expect(response.status == 203)
        #expect(response.text == "hello")
        #expect(response.headers["x-reply"] == "yes")
        let seen = try #require(server.requests.first)
        #expect(seen.method == "GET")
        #expect(seen.path == "/path/x?q=1")
        #expect(seen.header("X-Test") == "abc")
        #expect(seen.header("User-Agent") == "fm-test")
        #expect(seen.body.isEmpty)
    }

    @Test func postSendsBodyVerbatim() async throws {
        let server = try LoopbackHTTPServer { req in .json("{\"echo\":\(req.body.count)}") }
        defer { server.stop() }
        let body = Data("{\"model\":\"m\",\"text\":\"ü ✓\"}".utf8)
        let response = try await client.send(
            HTTPRequest(method: "POST", url: server.baseURL + "/v1/x", headers: ["Content-Type": "application/json"], body: body))
        #expect(response.status == 200)
        #expect(response.text == "{\"echo\":\(body.count)}")
        let seen = try #require(server.requests.first)
        #expect(seen.method == "POST")
        #expect(seen.body == body)
        #expect(seen.header("Content-Type") == "application/json")
        #expect(seen.header("Expect") == nil)
    }

    @Test func putWithoutBodyAndHeadWork() async throws {
        let server = try LoopbackHTTPServer { req in .text(req.method) }
        defer { server.stop() }
        let put = try await client.send(HTTPRequest(method: "PUT", url: server.baseURL + "/"))
        #expect(put.text == "PUT")
        let head = try await client.send(HTTPRequest(method: "HEAD", url: server.baseURL + "/"))
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(server.requests.map(\.method) == ["PUT", "HEAD"])
    }

    @Test func gzipBodiesAreDecoded() async throws {
        let plain = String(repeating: "compress me please ", count: 200)
        let gz = try gzip(Data(plain.utf8))
        #expect(gz.count < plain.utf8.count)
        let server = try LoopbackHTTPServer { _ in
            .fixed(status: 200, headers: [("Content-Encoding", "gzip")], body: gz)
        }
        defer { server.stop() }
        let response = try await client.send(HTTPRequest(url: server.baseURL + "/gz"))
        #expect(response.text == plain)
        #expect(server.requests.first?.header("Accept-Encoding")?.contains("gzip") == true)
    }

    @Test func connectionsAreReused() async throws {
        let server = try LoopbackHTTPServer { _ in .text("ok") }
        defer { server.stop() }
        let one = HTTPClient(maxConcurrentTransfers: 1)
        for _ in 0..<3 { _ = try await one.send(HTTPRequest(url: server.baseURL + "/")) }
        #expect(server.requests.count == 3)
        #expect(server.connectionsAccepted == 1)
    }

    @Test func timeoutIsTypedAndNamesHostOnly() async throws {
        let server = try LoopbackHTTPServer { _ in .stall(sendHead: false) }
        defer { server.stop() }
        let error = await captureError {
            _ = try await client.send(
                HTTPRequest(url: server.baseURL + "/slow?api_key=SECRET123", totalTimeout: .milliseconds(300)))
        }
        #expect(error?.kind == .timeout)
        #expect(error?.target == server.baseURL)
        #expect(error?.description.contains("SECRET123") == false)
        #expect(error?.description.contains("/slow") == false)
    }

    @Test func refusedConnectionIsTyped() async throws {
        let port = try LoopbackHTTPServer.unusedPort()
        let error = await captureError {
            _ = try await client.send(HTTPRequest(url: "http://user:pw0rd@127.0.0.1:\(port)/a?token=t0k3n"))
        }
        #expect(error?.kind == .connectionRefused)
        #expect(error?.target == "http://127.0.0.1:\(port)")
        #expect(error?.isTransient == true)
        let text = error?.description ?? ""
        #expect(!text.contains("pw0rd") && !text.contains("t0k3n") && !text.contains("user"))
    }

    @Test func unresolvableHostIsDNSError() async throws {
        let error = await captureError {
            _ = try await client.send(HTTPRequest(url: "http://no-such-host.invalid/", totalTimeout: .seconds(20)))
        }
        #expect(error?.kind == .dns)
        #expect(error?.target == "http://no-such-host.invalid")
    }

    @Test func oversizedBodyIsRefused() async throws {
        let server = try LoopbackHTTPServer { _ in .fixed(status: 200, headers: [], body: Data(count: 100_000)) }
        defer { server.stop() }
        let error = await captureError {
            _ = try await client.send(HTTPRequest(url: server.baseURL + "/big", maxResponseBytes: 10_000))
        }
        #expect(error?.kind == .responseTooLarge)
        #expect(error?.detail.contains("10000") == true)
        let ok = try await client.send(HTTPRequest(url: server.baseURL + "/big", maxResponseBytes: 100_000))
        #expect(ok.body.count == 100_000)
    }

    @Test func cancellationAbortsTheTransfer() async throws {
        let server = try LoopbackHTTPServer { _ in .stall(sendHead: true) }
        defer { server.stop() }
        let task = Task { [client] in
            try await client.send(HTTPRequest(url: server.baseURL + "/hang", totalTimeout: .seconds(120)))
        }
        #expect(await LoopbackHTTPServer.wait { server.requests.count == 1 })
        task.cancel()
        let error = await captureError { _ = try await task.value }
        #expect(error?.kind == .cancelled)
        #expect(await LoopbackHTTPServer.wait { client.activeTransfers == 0 })
    }

    @Test func excessRequestsBeyondTheQueueAreRefused() async throws {
        let server = try LoopbackHTTPServer { _ in .stall(sendHead: false) }
        defer { server.stop() }
        let tiny = HTTPClient(maxConcurrentTransfers: 1, maxWaitingRequests: 0)
        let first = Task { try await tiny.send(HTTPRequest(url: server.baseURL + "/1", totalTimeout: .seconds(120))) }
        #expect(await LoopbackHTTPServer.wait { server.requests.count == 1 })
        let error = await captureError { _ = try await tiny.send(HTTPRequest(url: server.baseURL + "/2")) }
        #expect(error?.kind == .overloaded)
        first.cancel()
        _ = await first.result
        #expect(server.requests.count == 1)
    }

    @Test func concurrencyLimitQueuesExcessRequests() async throws {
        let gate = LoopbackGate()
        let server = try LoopbackHTTPServer { _ in .chunked(status: 200, headers: [], chunks: [Data("a".utf8), Data("b".utf8)], pause: .zero, gate: gate) }
        defer {
            gate.open()
            server.stop()
        }
        let two = HTTPClient(maxConcurrentTransfers: 2)
        let tasks = (0..<4).map { i in Task { try await two.send(HTTPRequest(url: server.baseURL + "/\(i)")).text } }
        #expect(await LoopbackHTTPServer.wait { server.requests.count == 2 && two.waitingRequests == 2 })
        #expect(two.activeTransfers == 2)
        gate.open()
        for task in tasks { #expect(try await task.value == "ab") }
        #expect(server.requests.count == 4)
        #expect(two.activeTransfers == 0)
    }

    @Test func badRequestsAreRejectedBeforeSending() async throws {
        let bad = await captureError {
            _ = try await client.send(HTTPRequest(url: "http://127.0.0.1:1/", headers: ["X-Bad": "a\r\nInjected: 1"]))
        }
        #expect(bad?.kind == .invalidRequest)
        let scheme = await captureError { _ = try await client.send(HTTPRequest(url: "ftp://127.0.0.1/file")) }
        #expect(scheme?.kind == .invalidRequest)
        let garbage = await captureError { _ = try await client.send(HTTPRequest(url: "not a url")) }
        #expect(garbage?.kind == .invalidRequest)
    }
}

/// Runs `body` and returns the `HTTPClientError` it threw (nil if none or another type).
func captureError(_ body: () async throws -> Void) async -> HTTPClientError? {
    do {
        try await body()
        return nil
    } catch {
        return error as? HTTPClientError
    }
}

/// Compresses `data` with the `gzip` command.
func gzip(_ data: Data) throws -> Data {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fm-gzip-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("body")
    try data.write(to: file)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-9", file.path]
    try process.run()
    process.waitUntilExit()
    return try Data(contentsOf: dir.appendingPathComponent("body.gz"))
}
