import Foundation
import Hummingbird
import StateStore

/// What `POST /api/data` received, as text ready for the troubleshooter.
struct DataSubmission: Sendable {
    var kind: DataItemKind
    var text: String
    /// The item's name in the session: the file's name, the URL (without credentials), or `name`.
    var name: String
    var sessionID: String?

    /// Longest item name kept.
    static let maxName = 256
    static let multipartFields: Set<String> = ["file", "name", "session_id", "type"]

    /// A `multipart/form-data` upload: one `file` part, optional `name`, `session_id`, `type` ("file").
    static func multipart(_ body: ByteBuffer, contentType: String) throws -> DataSubmission {
        let form: MultipartFormData
        do throws(MultipartError) {
            let boundary = try MultipartFormData.boundary(contentType: contentType)
            form = try MultipartFormData(body: Array(body.readableBytesView), boundary: boundary)
        } catch {
            throw APIError.badRequest("malformed multipart/form-data body: \(error.message)")
        }
        if let unknown = form.parts.first(where: { !multipartFields.contains($0.name) }) {
            throw APIError.badRequest("unknown form field '\(unknown.name.prefix(40))' (expected file, name, session_id)")
        }
        if let type = form.parts(named: "type").first?.text, type != "file" {
            throw APIError.badRequest("form field 'type' must be \"file\" in a multipart upload, got '\(type.prefix(20))'")
        }
        let files = form.parts(named: "file")
        guard files.count == 1, let file = files.first else {
            throw APIError.badRequest(files.isEmpty ? "the form has no 'file' part" : "send one 'file' part, not \(files.count)")
        }
        let text = try fileText(file.body, name: file.filename ?? "file")
        let name = form.parts(named: "name").first.map(\.text).flatMap(nonEmpty) ?? file.filename.map(baseName).flatMap(nonEmpty) ?? "file"
        let session = form.parts(named: "session_id").first.map(\.text).flatMap(nonEmpty)
        return DataSubmission(kind: .file, text: text, name: String(name.prefix(maxName)), sessionID: session)
    }

    /// A JSON body: `{"type": "text"|"file", "content", "name"?}` or `{"type": "url", "url"}`.
    static func json(_ body: DataRequest, fetcher: URLFetcher) async throws -> DataSubmission {
        switch body.type {
        case "text", "file":
            guard let content = body.content, !content.isEmpty else { throw APIError.badRequest("'content' is required for type '\(body.type)'") }
            if body.url != nil { throw APIError.badRequest("'url' belongs to type 'url', not '\(body.type)'") }
            let name = body.name.flatMap(nonEmpty) ?? body.type
            return DataSubmission(kind: body.type == "file" ? .file : .text, text: content, name: String(name.prefix(maxName)), sessionID: body.sessionID)
        case "url":
            guard let url = body.url, !url.isEmpty else { throw APIError.badRequest("'url' is required for type 'url'") }
            if body.content != nil { throw APIError.badRequest("'content' belongs to types 'text' and 'file', not 'url'") }
            let document = try await fetcher.fetch(url)
            let name = body.name.flatMap(nonEmpty) ?? URLFetcher.label(url)
            return DataSubmission(kind: .url, text: document.text, name: String(name.prefix(maxName)), sessionID: body.sessionID)
        default:
            throw APIError.badRequest(
                "unsupported data type '\(body.type.prefix(40))': use \"text\" (content), \"file\" (content, or a multipart upload) or \"url\" (url)")
        }
    }

    /// An uploaded file's text: 415 when binary, 400 when empty.
    static func fileText(_ bytes: ArraySlice<UInt8>, name: String) throws -> String {
        guard !bytes.isEmpty else { throw APIError.badRequest("the uploaded file '\(baseName(name).prefix(80))' is empty") }
        guard let text = TextContent.decode(bytes) else {
            throw APIError(
                .unsupportedMediaType, code: "unsupported_media_type",
                "the uploaded file '\(baseName(name).prefix(80))' is binary (NUL bytes or control characters); send log text")
        }
        return text
    }

    /// The last component of a client-side path (`C:\logs\app.log` → `app.log`).
    static func baseName(_ path: String) -> String {
        String(path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "")
    }

    static func nonEmpty(_ s: String) -> String? {
        let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }
}
