import QueryServer
import Testing

@Suite struct MultipartFormDataTests {
    static let boundary = "------------------------d74496d66958873e"

    /// A body as `curl -F file=@app.log -F name=x` sends it.
    static func body(_ parts: [(headers: [String], body: String)], boundary: String = boundary, preamble: String = "", epilogue: String = "") -> [UInt8] {
        var s = preamble
        for p in parts {
            s += "--\(boundary)\r\n" + p.headers.map { $0 + "\r\n" }.joined() + "\r\n" + p.body + "\r\n"
        }
        s += "--\(boundary)--\r\n" + epilogue
        return Array(s.utf8)
    }

    @Test func readsWhatCurlSends() throws {
        let bytes = Self.body([
            (["Content-Disposition: form-data; name=\"file\"; filename=\"app.log\"", "Content-Type: application/octet-stream"],
             "line 1\r\nline 2 --not-a-boundary\n"),
            (["Content-Disposition: form-data; name=\"name\""], "checkout logs"),
            (["Content-Disposition: form-data; name=\"session_id\""], ""),
        ])
        let form = try MultipartFormData(body: bytes, boundary: Self.boundary)
        #expect(form.parts.map(\.name) == ["file", "name", "session_id"])
        let file = try #require(form.parts(named: "file").first)
        #expect(file.filename == "app.log")
        #expect(file.contentType == "application/octet-stream")
        #expect(file.text == "line 1\r\nline 2 --not-a-boundary\n")
        #expect(form.parts(named: "name").first?.text == "checkout logs")
        #expect(form.parts(named: "session_id").first?.body.isEmpty == true)
    }

    @Test func boundaryFromContentType() throws {
        #expect(try MultipartFormData.boundary(contentType: "multipart/form-data; boundary=\(Self.boundary)") == Self.boundary)
        #expect(try MultipartFormData.boundary(contentType: "Multipart/Form-Data; charset=utf-8; boundary=\"a b:c\"") == "a b:c")
        for bad in ["application/json", "multipart/form-data", "multipart/form-data; boundary=", "multipart/mixed; boundary=x",
                    "multipart/form-data; boundary=\(String(repeating: "x", count: 71))", "multipart/form-data; boundary=\"a\\\"b\""] {
            #expect(throws: MultipartError.self, "\(bad)") { try MultipartFormData.boundary(contentType: bad) }
        }
    }

    @Test func preambleEpilogueQuotingAndExtendedFilenames() throws {
        let bytes = Self.body(
            [(["content-disposition: form-data; name=\"file\"; filename*=UTF-8''caf%C3%A9.log"], "x"),
             (["Content-Disposition: form-data; name=\"a\\\"b\"; filename=\"C:\\\\logs\\\\x.log\""], "y")],
            preamble: "ignored preamble\r\n", epilogue: "ignored epilogue")
        let form = try MultipartFormData(body: bytes, boundary: Self.boundary)
        #expect(form.parts.count == 2)
        #expect(form.parts[0].filename == "café.log")
        #expect(form.parts[1].name == "a\"b")
        #expect(form.parts[1].filename == "C:\\logs\\x.log")
    }

    @Test func binaryBodiesAreKeptByteForByte() throws {
        var bytes = Array("--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n".utf8)
        let payload: [UInt8] = [0, 1, 2, 0xff, 0x0d, 0x0a, 0x2d, 0x0d]
        bytes += payload + Array("\r\n--b--".utf8)
        let form = try MultipartFormData(body: bytes, boundary: "b")
        #expect(Array(form.parts[0].body) == payload)
    }

    @Test(arguments: [
        ("no boundary line", "hello world", "no boundary line"),
        ("truncated in a part", "--B\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc", "not closed by a boundary"),
        ("truncated in headers", "--B\r\nContent-Disposition: form-data; name=\"file\"", "ends inside the part's headers"),
        ("no closing dashes", "--B\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nabc\r\n--B", "without the closing '--'"),
        ("garbage after boundary", "--Bxyz\r\n", "not followed by CRLF"),
        ("header without colon", "--B\r\nContent-Disposition form-data\r\n\r\nx\r\n--B--", "header line without ':'"),
        ("no disposition", "--B\r\nContent-Type: text/plain\r\n\r\nx\r\n--B--", "no Content-Disposition"),
        ("not form-data", "--B\r\nContent-Disposition: attachment; name=\"f\"\r\n\r\nx\r\n--B--", "not form-data"),
        ("no name", "--B\r\nContent-Disposition: form-data; filename=\"a\"\r\n\r\nx\r\n--B--", "no name parameter"),
    ])
    func malformedBodiesNameTheProblem(_ what: String, _ body: String, _ message: String) {
        do {
            _ = try MultipartFormData(body: Array(body.utf8), boundary: "B")
            Issue.record("\(what): parsed")
        } catch {
            #expect(error.message.contains(message), "\(what): \(error.message)")
        }
    }

    @Test func limitsOnPartsAndHeaderBytes() {
        let many = Self.body((0..<5).map { (["Content-Disposition: form-data; name=\"p\($0)\""], "v") })
        #expect(throws: MultipartError("more than 4 parts")) {
            try MultipartFormData(body: many, boundary: Self.boundary, limits: .init(maxParts: 4, maxHeaderBytes: 1024))
        }
        #expect((try? MultipartFormData(body: many, boundary: Self.boundary, limits: .init(maxParts: 5, maxHeaderBytes: 1024)))?.parts.count == 5)
        let big = Self.body([(["Content-Disposition: form-data; name=\"file\"", "X-Padding: " + String(repeating: "a", count: 2000)], "v")])
        #expect(throws: MultipartError("part 1: the headers exceed 1024 bytes")) {
            try MultipartFormData(body: big, boundary: Self.boundary, limits: .init(maxParts: 4, maxHeaderBytes: 1024))
        }
    }
}
