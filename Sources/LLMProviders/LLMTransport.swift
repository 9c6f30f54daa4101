import FaultMavenHTTP
import Foundation

/// The HTTP exchange both providers share: POST a JSON body, map failures to `LLMError`, read
/// a JSON answer or walk a server-sent event stream.
struct LLMTransport: Sendable {
    let provider: String
    let endpoint: LLMEndpoint
    let client: HTTPClient

    /// Most of an error body kept in messages.
    static let maxMessageChars = 500

    func request(path: String, headers: HTTPHeaders, body: Data, stream: Bool) -> HTTPRequest {
        var all = endpoint.extraHeaders
        for (name, value) in headers { all.set(name, value) }
        all.set("Content-Type", "application/json")
        all.set("Accept", stream ? "text/event-stream" : "application/json")
        return HTTPRequest(
            method: "POST", url: endpoint.url(appending: path), headers: all, body: body,
            connectTimeout: endpoint.connectTimeout, totalTimeout: endpoint.requestTimeout,
            maxResponseBytes: endpoint.maxResponseBytes, caBundlePath: endpoint.caBundlePath, insecure: endpoint.insecure)
    }

    /// Sends a non-streaming request; returns the 2xx body.
    func postJSON(_ request: HTTPRequest) async throws(LLMError) -> Data {
        let response: HTTPResponse
        do {
            response = try await client.send(request)
        } catch {
            throw map(error)
        }
        guard response.head.isSuccess else { throw statusError(response.head, body: response.body) }
        return response.body
    }

    /// Sends a streaming request and hands each event to `onEvent` until it returns false or the
    /// stream ends. Returns the raw stream text and whether `onEvent` ended it.
    func postStream(
        _ request: HTTPRequest, onEvent: (SSEEvent) throws(LLMError) -> Bool
    ) async throws(LLMError) -> (raw: String, finished: Bool) {
        let response: HTTPStreamingResponse
        do {
            response = try await client.stream(request)
        } catch {
            throw map(error)
        }
        guard response.head.isSuccess else {
            let body = (try? await response.collect()) ?? Data()
            throw statusError(response.head, body: body)
        }
        var parser = SSEParser(maxEventBytes: endpoint.maxEventBytes)
        var raw = Data()
        do {
            for try await chunk in response.body {
                raw.append(chunk)
                for event in try parser.feed(chunk) {
                    guard try onEvent(event) else {
                        response.cancel()
                        return (String(decoding: raw, as: UTF8.self), true)
                    }
                }
            }
        } catch let error as LLMError {
            response.cancel()
            throw error
        } catch let error as SSEParserError {
            response.cancel()
            throw LLMError(.invalidResponse, provider: provider, message: error.description)
        } catch {
            throw map(error)
        }
        return (String(decoding: raw, as: UTF8.self), false)
    }

    /// An `LLMError` for a transport failure.
    func map(_ error: any Error) -> LLMError {
        guard let http = error as? HTTPClientError else {
            if error is CancellationError { return LLMError(.cancelled, provider: provider, message: "the call was cancelled") }
            return LLMError(.network, provider: provider, message: scrub("\(error)"))
        }
        let message = scrub(http.description)
        switch http.kind {
        case .cancelled: return LLMError(.cancelled, provider: provider, message: message)
        case .timeout: return LLMError(.timeout, provider: provider, message: message)
        case .invalidRequest: return LLMError(.configuration, provider: provider, message: message)
        case .overloaded: return LLMError(.overloaded, provider: provider, message: message)
        default: return LLMError(.network, provider: provider, message: message, isRetryable: http.isTransient)
        }
    }

    /// An `LLMError` for a non-2xx answer, with the server's own message when the body has one.
    func statusError(_ head: HTTPResponseHead, body: Data) -> LLMError {
        let fields = JSONHelpers.errorFields(JSONHelpers.object(body))
        var message = fields.message ?? String(decoding: body.prefix(Self.maxMessageChars), as: UTF8.self)
        if message.isEmpty { message = "no error message" }
        if let type = fields.type { message = "\(type): \(message)" }
        message = scrub(String(message.prefix(Self.maxMessageChars)))
        let retryAfter = RetryAfter.parse(head.headers)
        let kind: LLMError.Kind =
            switch head.status {
            case 401, 403: .authentication
            case 408: .timeout
            case 429: .rateLimited
            case 500...599: .serverError
            case 400...499: .badRequest
            default: .invalidResponse
            }
        return LLMError(kind, provider: provider, message: message, status: head.status, retryAfter: retryAfter)
    }

    /// `text` without the API key.
    func scrub(_ text: String) -> String { endpoint.apiKey?.scrub(text) ?? text }
}
