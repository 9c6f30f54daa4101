import FaultMavenCore
import FaultMavenHTTP
import Foundation
import Hummingbird
import HummingbirdTesting
import QueryServer
import StateStore
import Testing
import Troubleshooting

/// `POST /api/data` with a multipart/form-data upload, as `curl -F file=@app.log` sends it.
@Suite struct DataUploadTests {
    static let boundary = "------------------------3f1c0a9d2b7e5c41"

    static func app(_ state: TestState, policy: URLFetchPolicy = URLFetchPolicy(), metrics: MetricsRegistry = MetricsRegistry()) -> some ApplicationProtocol {
        let backend = FakeBackend()
        let server = QueryServer(
            backend: backend, troubleshooter: Troubleshooter(sessions: SessionStore(state: state.store), live: backend),
            version: "9.9.9", urlFetcher: URLFetcher(policy: policy, metrics: metrics))
        return Application(router: server.router())
    }

    static func form(_ fields: [(name: String, filename: String?, body: [UInt8])]) -> ByteBuffer {
        var bytes: [UInt8] = []
        for f in fields {
            let filename = f.filename.map { "; filename=\"\($0)\"" } ?? ""
            bytes += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(f.name)\"\(filename)\r\n".utf8)
            if f.filename != nil { bytes += Array("Content-Type: application/octet-stream\r\n".utf8) }
            bytes += Array("\r\n".utf8) + f.body + Array("\r\n".utf8)
        }
        bytes += Array("--\(boundary)--\r\n".utf8)
        return ByteBuffer(bytes: bytes)
    }

    static let multipart: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]

    @Test func fileUploadIsSummarizedAndStoredUnderItsFileName() async throws {
        let state = try TestState()
        defer { state.remove() }
        let log = Array("2026-03-02 08:00:00 ERROR db down\n2026-03-02 08:00:01 WARN retry \u{FF}\n".utf8) + [0xff, 0x0a]
        try await Self.app(state).test(.router) { client in
            let sid = try await client.execute(
                uri: "/api/data", method: .post, headers: Self.multipart, body: Self.form([("file", "/home/me/app.log", log)])
            ) { r -> String in
                #expect(r.status == .ok)
                let j = try QueryServerTests.json(r.body)
                #expect(j["type"] as? String == "file")
                #expect(j["name"] as? String == "app.log")
                #expect((j["summary"] as? String)?.hasPrefix("Log analysis complete. Detected 1 error and 1 warning") == true)
                return try #require(j["session_id"] as? String)
            }
            // The same session, by header, with a name part overriding the file name.
            var headers = Self.multipart
            headers[QueryServer.sessionHeader] = sid
            try await client.execute(
                uri: "/api/data", method: .post, headers: headers,
                body: Self.form([("name", nil, Array("checkout".utf8)), ("file", "b.log", Array("INFO ok\n".utf8))])
            ) { r in
                #expect(r.status == .ok)
                let j = try QueryServerTests.json(r.body)
                #expect(j["session_id"] as? String == sid)
            }
            // And by a session_id part.
            try await client.execute(
                uri: "/api/data", method: .post, headers: Self.multipart,
                body: Self.form([("session_id", nil, Array(sid.utf8)), ("file", "c.log", Array("INFO ok\n".utf8))])
            ) { r in
                let j = try QueryServerTests.json(r.body)
                #expect(j["session_id"] as? String == sid)
            }
            let items = try await state.store.dataItems(sessionID: sid)
            #expect(items.map(\.name) == ["app.log", "checkout", "c.log"])
            #expect(items.map(\.kind) == [.file, .file, .file])
            #expect(items[0].content.hasSuffix("retry \u{FF}\n\u{FFFD}\n"), "invalid UTF-8 kept as a replacement character")
        }
    }

    static func error(_ r: TestResponse) throws -> (code: String, message: String) {
        let e = try #require(try QueryServerTests.json(r.body)["error"] as? [String: Any])
        return (e["code"] as? String ?? "", e["message"] as? String ?? "")
    }

    @Test func badUploadsAreRefusedWithClearErrors() async throws {
        let state = try TestState()
        defer { state.remove() }
        try await Self.app(state).test(.router) { client in
            let png: [UInt8] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]
            try await client.execute(uri: "/api/data", method: .post, headers: Self.multipart, body: Self.form([("file", "x.png", png)])) { r in
                #expect(r.status == .unsupportedMediaType)
                let e = try Self.error(r)
                #expect(e.message.contains("'x.png' is binary"))
            }
            let cases: [(ByteBuffer, HTTPFields, String)] = [
                (Self.form([("name", nil, Array("x".utf8))]), Self.multipart, "no 'file' part"),
                (Self.form([("file", "a", Array("x".utf8)), ("file", "b", Array("y".utf8))]), Self.multipart, "one 'file' part, not 2"),
                (Self.form([("file", "a", [])]), Self.multipart, "'a' is empty"),
                (Self.form([("file", "a", Array("x".utf8)), ("colour", nil, Array("red".utf8))]), Self.multipart, "unknown form field 'colour'"),
                (ByteBuffer(string: "--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc"), Self.multipart,
                 "malformed multipart/form-data body: part 1 ('file') is not closed"),
                (Self.form([("file", "a", Array("x".utf8))]), [.contentType: "multipart/form-data"], "has no boundary parameter"),
            ]
            for (body, headers, message) in cases {
                try await client.execute(uri: "/api/data", method: .post, headers: headers, body: body) { r in
                    #expect(r.status == .badRequest, "\(message)")
                    let e = try Self.error(r)
                    #expect(e.code == "bad_request")
                    #expect(e.message.contains(message), "\(e.message)")
                }
            }
        }
    }

    @Test func oversizeUploadIs413() async throws {
        let state = try TestState()
        defer { state.remove() }
        try await Self.app(state).test(.router) { client in
            let big = [UInt8](repeating: 0x61, count: APIContext.uploadLimit + 1)
            try await client.execute(uri: "/api/data", method: .post, headers: Self.multipart, body: Self.form([("file", "big.log", big)])) { r in
                #expect(r.status == .contentTooLarge)
                let e = try Self.error(r)
                #expect(e.code == "too_large")
                #expect(e.message.contains("32 MiB"))
            }
        }
    }

    @Test func jsonFileTypeIsStoredAsAFile() async throws {
        let state = try TestState()
        defer { state.remove() }
        try await Self.app(state).test(.router) { client in
            let sid = try await client.execute(
                uri: "/api/data", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"type":"file","name":"app.log","content":"ERROR x\n"}"#)
            ) { r -> String in
                #expect(r.status == .ok)
                return try #require(try QueryServerTests.json(r.body)["session_id"] as? String)
            }
            let items = try await state.store.dataItems(sessionID: sid)
            #expect(items.map(\.name) == ["app.log"])
            #expect(items.map(\.kind) == [.file])
            try await client.execute(
                uri: "/api/data", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"type":"url"}"#)
            ) { r in
                #expect(r.status == .badRequest)
                let e = try Self.error(r)
                #expect(e.message.contains("'url' is required"))
            }
            try await client.execute(
                uri: "/api/data", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"type":"text","content":"x","colour":"red"}"#)
            ) { r in
                #expect(r.status == .badRequest)
                let e = try Self.error(r)
                #expect(e.message.contains("unknown key 'colour'"))
            }
        }
    }
}

extension DataUploadTests {
    /// The served document is OpenAPI 3.0 and describes the three data shapes.
    @Test func openAPIDocumentDescribesTheDataShapes() async throws {
        let state = try TestState()
        defer { state.remove() }
        try await Self.app(state).test(.router) { client in
            try await client.execute(uri: "/openapi.yaml", method: .get) { r in
                let text = String(buffer: r.body)
                for fragment in ["multipart/form-data:", "format: binary", "TextData:", "URLData:", "enum: [url]", "\"415\":", "\"422\":"] {
                    #expect(text.contains(fragment), "\(fragment)")
                }
            }
        }
    }
}
