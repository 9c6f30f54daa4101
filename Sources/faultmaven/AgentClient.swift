import FaultMavenCore
import FaultMavenHTTP
import Foundation

/// Talks to a running agent's query port for `faultmaven ask`. Every failure is a
/// `FaultMavenError`: `.badInput` when the agent refused the request (4xx, its message shown),
/// `.runtime` when the agent cannot be reached or failed (5xx).
struct AgentClient {
    /// `http://host:port`, without a trailing slash.
    let base: String
    let timeout: Duration
    let client = HTTPClient(maxConcurrentTransfers: 1, maxWaitingRequests: 4)

    /// Largest upload sent (the query port's own limit).
    static let maxUploadBytes = 32 * 1024 * 1024

    /// One answered call: the body as sent by the agent and as a JSON object.
    struct Reply {
        var raw: String
        var object: [String: Any]

        var sessionID: String? { object["session_id"] as? String }
    }

    /// POSTs a JSON object to `path`.
    func postJSON(_ path: String, _ body: [String: Any], session: String?) async throws -> Reply {
        let data = try JSONSerialization.data(withJSONObject: body)
        return try await post(path, body: data, contentType: "application/json", session: session)
    }

    /// Uploads the file at `path` to `/api/data` as multipart/form-data (`file` part, its base name).
    func upload(file path: String, session: String?) async throws -> Reply {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let size = attributes?[.size] as? Int, (attributes?[.type] as? FileAttributeType) != .typeDirectory,
            let bytes = FileManager.default.contents(atPath: path)
        else {
            throw FaultMavenError.badInput("--file \(path): cannot read the file")
        }
        guard size <= Self.maxUploadBytes else {
            throw FaultMavenError.badInput("--file \(path): \(size) bytes is more than the agent accepts (32 MiB)")
        }
        let boundary = "faultmaven-\(UUID().uuidString)"
        let filename = (path as NSString).lastPathComponent
            .replacingOccurrences(of: "\"", with: "%22").replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\n", with: "")
        var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\n".utf8)
        body.append(Data("Content-Type: application/octet-stream\r\n\r\n".utf8))
        body.append(bytes)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        return try await post("/api/data", body: body, contentType: "multipart/form-data; boundary=\(boundary)", session: session)
    }

    private func post(_ path: String, body: Data, contentType: String, session: String?) async throws -> Reply {
        var headers: HTTPHeaders = ["Content-Type": contentType, "Accept": "application/json"]
        if let session { headers.set("X-Session-ID", session) }
        let request = HTTPRequest(
            method: "POST", url: base + path, headers: headers, body: body, connectTimeout: .seconds(5), totalTimeout: timeout,
            maxResponseBytes: 64 * 1024 * 1024)
        let response: HTTPResponse
        do {
            response = try await client.send(request)
        } catch let e as HTTPClientError {
            throw Self.unreachable(e, base: base, timeout: timeout)
        }
        let text = response.text
        let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]
        guard response.head.isSuccess else {
            let message = (object?["error"] as? [String: Any])?["message"] as? String ?? String(text.prefix(500))
            let error = "the agent answered \(response.status) to \(path): \(message)"
            throw response.status < 500 ? FaultMavenError.badInput(error) : FaultMavenError.runtime(error)
        }
        guard let object else { throw FaultMavenError.runtime("the agent's answer to \(path) is not a JSON object") }
        return Reply(raw: text, object: object)
    }

    static func unreachable(_ e: HTTPClientError, base: String, timeout: Duration) -> FaultMavenError {
        switch e.kind {
        case .connectionRefused, .dns, .connectionLost:
            return .runtime("cannot reach the agent at \(base) (\(e.kind.rawValue)): is `faultmaven run` running there? (--server, -c)")
        case .timeout:
            return .runtime("the agent at \(base) did not answer within \(timeout) (--timeout)")
        default:
            return .runtime("request to the agent at \(base) failed: \(e.detail)")
        }
    }
}
