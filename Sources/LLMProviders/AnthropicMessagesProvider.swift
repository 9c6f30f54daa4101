import FaultMavenHTTP
import Foundation

/// Anthropic's Messages API: `POST {baseURL}/v1/messages` with `x-api-key` and
/// `anthropic-version: 2023-06-01`, the system prompt as a top-level field, JSON or streamed
/// events (`message_start`, `content_block_start`, `content_block_delta` with `text_delta`,
/// `message_delta` with usage, `message_stop`, `ping`, `error`).
public struct AnthropicMessagesProvider: LLMProvider {
    public static let apiVersion = "2023-06-01"

    public let name: String
    public var model: String { endpoint.model }
    public let endpoint: LLMEndpoint
    private let transport: LLMTransport

    public init(endpoint: LLMEndpoint, name: String = "anthropic", client: HTTPClient = .shared) {
        self.name = name
        self.endpoint = endpoint
        transport = LLMTransport(provider: name, endpoint: endpoint, client: client)
    }

    public func complete(_ request: LLMRequest, onText: @escaping @Sendable (String) -> Void) async throws -> LLMResponse {
        guard let key = endpoint.apiKey, !key.isEmpty else {
            throw LLMError(.configuration, provider: name, message: "no API key is configured")
        }
        guard request.messages.contains(where: { $0.role != .system }) else {
            throw LLMError(.badRequest, provider: name, message: "the request has no user or assistant messages")
        }
        let headers: HTTPHeaders = ["x-api-key": key.secret, "anthropic-version": Self.apiVersion]
        let http = transport.request(path: "/v1/messages", headers: headers, body: body(request), stream: request.stream)
        if request.stream { return try await streamed(http, onText: onText) }
        return try parseMessage(try await transport.postJSON(http))
    }

    func body(_ request: LLMRequest) -> Data {
        // System text inside the conversation joins the top-level system field.
        let system = ([request.systemPrompt ?? ""] + request.messages.filter { $0.role == .system }.map(\.content))
            .filter { !$0.isEmpty }.joined(separator: "\n\n")
        var body: [String: Any] = [
            "model": endpoint.model, "max_tokens": request.maxTokens, "stream": request.stream,
            "messages": request.messages.filter { $0.role != .system }.map { ["role": $0.role.rawValue, "content": $0.content] },
        ]
        if !system.isEmpty { body["system"] = system }
        if let t = request.temperature { body["temperature"] = t }
        return JSONHelpers.encode(body)
    }

    private func parseMessage(_ data: Data) throws(LLMError) -> LLMResponse {
        let raw = String(decoding: data, as: UTF8.self)
        guard let object = JSONHelpers.object(data), let blocks = object["content"] as? [[String: Any]] else {
            throw LLMError(.invalidResponse, provider: name, message: "the answer has no content array: \(raw.prefix(200))")
        }
        let text = blocks.filter { $0["type"] as? String == "text" }.compactMap { $0["text"] as? String }.joined()
        let u = object["usage"] as? [String: Any]
        let usage = JSONHelpers.int(u?["input_tokens"]).map {
            LLMTokenUsage(inputTokens: $0, outputTokens: JSONHelpers.int(u?["output_tokens"]) ?? 0)
        }
        return LLMResponse(
            text: text, provider: name, model: object["model"] as? String ?? model, usage: usage, rawResponse: raw,
            finishReason: object["stop_reason"] as? String)
    }

    private func streamed(_ http: HTTPRequest, onText: @escaping @Sendable (String) -> Void) async throws(LLMError) -> LLMResponse {
        var state = AnthropicStreamState(provider: name)
        let (raw, done) = try await transport.postStream(http) { (event: SSEEvent) throws(LLMError) -> Bool in
            guard let object = JSONHelpers.object(event.data) else {
                throw LLMError(.invalidResponse, provider: name, message: "a \(event.type) event is not JSON: \(event.data.prefix(200))")
            }
            do {
                return try state.apply(object, onText: onText)
            } catch let error as LLMError {
                throw LLMError(error.kind, provider: name, message: transport.scrub(error.message), isRetryable: error.isRetryable)
            } catch {
                throw LLMError(.invalidResponse, provider: name, message: "\(error)")
            }
        }
        guard done else {
            throw LLMError(.invalidResponse, provider: name, message: "the stream ended before message_stop", isRetryable: state.text.isEmpty)
        }
        return LLMResponse(
            text: state.text, provider: name, model: state.model ?? model, usage: state.usage, rawResponse: raw,
            finishReason: state.stopReason)
    }
}
