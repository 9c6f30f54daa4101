import FaultMavenCore
import FaultMavenHTTP
import Foundation
import Hummingbird
import HummingbirdTesting
import LoopbackHTTPServer
import QueryServer
import StateStore
import Synchronization
import Testing
import Troubleshooting

/// `POST /api/data` `{"type": "url"}` against real HTTP servers on 127.0.0.1.
@Suite struct URLFetchTests {
    static let allowLoopback = URLFetchPolicy(timeout: .seconds(30), allowPrivate: true)

    /// Posts `{"type": "url", "url": url}` and hands the response to `check`.
    static func post(
        _ url: String, policy: URLFetchPolicy, state: TestState, metrics: MetricsRegistry = MetricsRegistry(),
        _ check: @escaping @Sendable (TestResponse) throws -> Void
    ) async throws {
        let body = try JSONSerialization.data(withJSONObject: ["type": "url", "url": url])
        try await DataUploadTests.app(state, policy: policy, metrics: metrics).test(.router) { client in
            try await client.execute(
                uri: "/api/data", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(bytes: body), testCallback: check)
        }
    }

    static func expectError(_ r: TestResponse, _ status: HTTPResponse.Status, code: String, _ fragments: [String]) throws {
        #expect(r.status == status)
        let e = try DataUploadTests.error(r)
        #expect(e.code == code)
        for f in fragments { #expect(e.message.contains(f), "'\(f)' in \(e.message)") }
    }

    @Test func htmlPageIsReducedToTextAndStoredUnderItsURL() async throws {
        let html = """
            <html><head><title>CI</title><style>.x{}</style><script>track()</script></head>
            <body><h1>Build log</h1><script>var token = "s3cret";</script>
            <pre>08:00:00 ERROR checkout: connection refused
            08:00:01 WARN retrying</pre></body></html>
            """
        let server = try LoopbackHTTPServer { _ in
            .fixed(status: 200, headers: [("Content-Type", "text/html; charset=utf-8")], body: Data(html.utf8))
        }
        defer { server.stop() }
        let state = try TestState()
        defer { state.remove() }
        let url = "http://user:pw@127.0.0.1:\(server.port)/job/42/console?x=1"
        let sid = Locked<String?>(nil)
        try await Self.post(url, policy: Self.allowLoopback, state: state) { r in
            #expect(r.status == .ok)
            let j = try QueryServerTests.json(r.body)
            #expect(j["type"] as? String == "url")
            #expect(j["name"] as? String == "http://127.0.0.1:\(server.port)/job/42/console?x=1", "credentials dropped")
            #expect((j["summary"] as? String)?.hasPrefix("Log analysis complete. Detected 1 error and 1 warning") == true)
            sid.set(j["session_id"] as? String)
        }
        let items = try await state.store.dataItems(sessionID: try #require(sid.get()))
        #expect(items.map(\.kind) == [.url])
        #expect(items.first?.content == "Build log\n08:00:00 ERROR checkout: connection refused\n08:00:01 WARN retrying")
        #expect(server.requests.first?.path == "/job/42/console?x=1")
        // By name: resolved by the agent, checked, then connected to through the pin.
        try await Self.post("http://localhost:\(server.port)/by-name", policy: Self.allowLoopback, state: state) { r in
            #expect(r.status == .ok)
        }
        #expect(server.requests.last?.header("Host") == "localhost:\(server.port)")
    }

    @Test func loopbackIsRefusedByDefaultWithoutConnecting() async throws {
        let server = try LoopbackHTTPServer { _ in .text("secret") }
        defer { server.stop() }
        let state = try TestState()
        defer { state.remove() }
        for url in ["\(server.baseURL)/", "http://localhost:\(server.port)/", "http://[::ffff:127.0.0.1]:\(server.port)/", "http://127.1:\(server.port)/"] {
            try await Self.post(url, policy: URLFetchPolicy(), state: state) { r in
                try Self.expectError(r, .forbidden, code: "url_refused", ["loopback", "allow_private_urls"])
            }
        }
        #expect(server.requests.isEmpty)
        let metrics = MetricsRegistry()
        try await Self.post("http://169.254.169.254/latest/meta-data/", policy: Self.allowLoopback, state: state, metrics: metrics) { r in
            try Self.expectError(r, .forbidden, code: "url_refused", ["169.254.169.254 is a link-local address", "never fetched"])
        }
        #expect(metrics.render().contains(#"faultmaven_url_fetches_total{outcome="url_refused"} 1"#))
        for (url, message) in [("ftp://example.com/x", "only http and https"), ("not a url", "not a valid absolute URL"), ("http:///x", "no host")] {
            try await Self.post(url, policy: URLFetchPolicy(), state: state) { r in try Self.expectError(r, .badRequest, code: "bad_request", [message]) }
        }
    }

    @Test func everyRedirectHopIsCheckedEvenWhenPrivateAddressesAreAllowed() async throws {
        let server = try LoopbackHTTPServer { req in
            switch req.path {
            case "/metadata": .fixed(status: 302, headers: [("Location", "http://169.254.169.254/latest/meta-data/")], body: Data())
            case "/relative": .fixed(status: 301, headers: [("Location", "/final")], body: Data())
            case "/final": .text("ERROR from the final hop\n")
            default: .fixed(status: 307, headers: [("Location", req.path + "x")], body: Data())
            }
        }
        defer { server.stop() }
        let state = try TestState()
        defer { state.remove() }
        try await Self.post(server.baseURL + "/metadata", policy: Self.allowLoopback, state: state) { r in
            try Self.expectError(r, .forbidden, code: "url_refused", ["169.254.169.254", "link-local"])
        }
        try await Self.post(server.baseURL + "/relative", policy: Self.allowLoopback, state: state) { r in
            #expect(r.status == .ok)
        }
        try await Self.post(server.baseURL + "/loop", policy: Self.allowLoopback, state: state) { r in
            try Self.expectError(r, .unprocessableContent, code: "fetch_failed", ["more than 5 redirects"])
        }
        #expect(server.requests.filter { $0.path.hasPrefix("/loop") }.count == 6, "the first request and 5 redirects")
    }

    @Test func stalledServerEndsAtTheTimeLimit() async throws {
        let server = try LoopbackHTTPServer { _ in .stall(sendHead: false) }
        defer { server.stop() }
        let state = try TestState()
        defer { state.remove() }
        let policy = URLFetchPolicy(timeout: .seconds(1), allowPrivate: true)
        try await Self.post(server.baseURL + "/slow", policy: policy, state: state) { r in
            try Self.expectError(r, .unprocessableContent, code: "upstream_timeout", ["url_fetch_timeout"])
        }
    }

    @Test func oversizeUpstreamStatusAndBinaryAreRefused() async throws {
        let server = try LoopbackHTTPServer { req in
            switch req.path {
            case "/big": .text(String(repeating: "INFO padding line\n", count: 200))
            case "/fail": .text("boom", status: 500)
            case "/png": .fixed(status: 200, headers: [("Content-Type", "image/png")], body: Data([0x89, 0x50, 0x4e, 0x47]))
            case "/nul": .fixed(status: 200, headers: [("Content-Type", "application/octet-stream")], body: Data([0x61, 0, 0x62]))
            case "/sniffed": .fixed(status: 200, headers: [], body: Data("<!DOCTYPE html><p>ERROR sniffed</p><script>x</script>".utf8))
            case "/json": .json(#"{"level":"error","msg":"<b>kept</b>"}"#)
            default: .text("", status: 200)
            }
        }
        defer { server.stop() }
        let state = try TestState()
        defer { state.remove() }
        let policy = URLFetchPolicy(timeout: .seconds(30), maxBytes: 1000, allowPrivate: true)
        try await Self.post(server.baseURL + "/big", policy: policy, state: state) { r in
            try Self.expectError(r, .contentTooLarge, code: "too_large", ["url_max_bytes (1000 bytes)"])
        }
        try await Self.post(server.baseURL + "/fail", policy: policy, state: state) { r in
            try Self.expectError(r, .unprocessableContent, code: "upstream_status", ["answered HTTP 500"])
        }
        try await Self.post(server.baseURL + "/png", policy: policy, state: state) { r in
            try Self.expectError(r, .unsupportedMediaType, code: "unsupported_media_type", ["image/png"])
        }
        try await Self.post(server.baseURL + "/nul", policy: policy, state: state) { r in
            try Self.expectError(r, .unsupportedMediaType, code: "unsupported_media_type", ["binary"])
        }
        try await Self.post(server.baseURL + "/empty", policy: policy, state: state) { r in
            try Self.expectError(r, .unprocessableContent, code: "no_text", ["holds no text"])
        }
        for (path, stored) in [("/sniffed", "ERROR sniffed"), ("/json", #"{"level":"error","msg":"<b>kept</b>"}"#)] {
            let sid = Locked<String?>(nil)
            try await Self.post(server.baseURL + path, policy: policy, state: state) { r in
                #expect(r.status == .ok)
                sid.set(try QueryServerTests.json(r.body)["session_id"] as? String)
            }
            #expect(try await state.store.dataItems(sessionID: try #require(sid.get())).first?.content == stored)
        }
    }

    @Test func unreachableUpstreamIs422NamingIt() async throws {
        let port = try LoopbackHTTPServer.unusedPort()
        let state = try TestState()
        defer { state.remove() }
        try await Self.post("http://127.0.0.1:\(port)/x", policy: Self.allowLoopback, state: state) { r in
            try Self.expectError(r, .unprocessableContent, code: "fetch_failed", ["127.0.0.1:\(port)"])
        }
        try await Self.post("http://no-such-host.invalid/x", policy: Self.allowLoopback, state: state) { r in
            try Self.expectError(r, .unprocessableContent, code: "fetch_failed", ["cannot fetch http://no-such-host.invalid/x: could not resolve no-such-host.invalid"])
        }
    }
}

/// A value shared with a `@Sendable` test callback.
final class Locked<T: Sendable>: Sendable {
    private let value: Mutex<T>
    init(_ v: T) { value = Mutex(v) }
    func set(_ v: T) { value.withLock { $0 = v } }
    func get() -> T { value.withLock { $0 } }
}
