import FaultMavenHTTP
import Foundation

/// Any OpenAI-compatible Chat Completions server (OpenAI, Azure OpenAI, Ollama's `/v1`, vLLM,
/// llama.cpp server, LM Studio): `POST {baseURL}/chat/completions` with Bearer auth, JSON or
/// server-sent event streaming (`data:` chunks with `choices[0].delta.content`, ending `[DONE]`).
public struct OpenAIChatProvider: LLMProvider {
    public let name: String
    public var model: String { endpoint.model }
    public let endpoint: LLMEndpoint
    /// Ask for a final usage chunk when streaming (`stream_options.include_usage`); turn off for
    /// servers that reject the field.
    public let includeStreamUsage: Bool
    /// Header carrying the key: nil sends `Authorization: Bearer <key>`; Azure uses `api-key`.
    public let apiKeyHeader: String?
    private let transport: LLMTransport

    public init(
        endpoint: LLMEndpoint, name: String = "openai", client: HTTPClient = .shared,
        includeStreamUsage: Bool = true, apiKeyHeader: String? = nil
    ) {
        self.name = name
        self.endpoint = endpoint
        self.includeStreamUsage = includeStreamUsage
        self.apiKeyHeader = apiKeyHeader
        transport = LLMTransport(provider: name, endpoint: endpoint, client: client)
    }

    public func complete(_ request: LLMRequest, onText: @escaping @Sendable (String) -> Void) async throws -> LLMResponse {
        guard !request.messages.isEmpty else {
            throw LLMError(.badRequest, provider: name, message: "the request has no messages")
        }
        let http = transport.request(path: "/chat/completions", headers: authHeaders(), body: body(request), stream: request.stream)
        if request.stream { return try await streamed(http, onText: onText) }
        let data = try await transport.postJSON(http)
        return try parseCompletion(data)
    }

    private func authHeaders() -> HTTPHeaders {
        guard let key = endpoint.apiKey, !key.isEmpty else { return [:] }
        if let apiKeyHeader { return [apiKeyHeader: key.secret] }
        return ["Authorization": "Bearer \(key.secret)"]
    }

    func body(_ request: LLMRequest) -> Data {
        var messages: [[String: Any]] = []
        if let system = request.systemPrompt, !system.isEmpty { messages.append(["role": "system", "content": system]) }
        messages += request.messages.map { ["role": $0.role.rawValue, "content": $0.content] }
        var body: [String: Any] = [
            "model": endpoint.model, "messages": messages, "max_tokens": request.maxTokens, "stream": request.stream,
        ]
        if let t = request.temperature { body["temperature"] = t }
        if request.stream && includeStreamUsage { body["stream_options"] = ["include_usage": true] }
        return JSONHelpers.encode(body)
    }

    private func parseCompletion(_ data: Data) throws(LLMError) -> LLMResponse {
        let raw = String(decoding: data, as: UTF8.self)
        guard let object = JSONHelpers.object(data),
            let choice = (object["choices"] as? [[String: Any]])?.first,
            let message = choice["message"] as? [String: Any]
        else {
            throw LLMError(.invalidResponse, provider: name, message: "the answer has no choices[0].message: \(raw.prefix(200))")
        }
        return LLMResponse(
            text: message["content"] as? String ?? "", provider: name, model: object["model"] as? String ?? model,
            usage: usage(object["usage"]), rawResponse: raw, finishReason: choice["finish_reason"] as? String)
    }

    private func usage(_ value: Any?) -> LLMTokenUsage? {
        guard let u = value as? [String: Any], let input = JSONHelpers.int(u["prompt_tokens"]) else { return nil }
        return LLMTokenUsage(inputTokens: input, outputTokens: JSONHelpers.int(u["completion_tokens"]) ?? 0)
    }

    private func streamed(_ http: HTTPRequest, onText: @escaping @Sendable (String) -> Void) async throws(LLMError) -> LLMResponse {
        var text = ""
        var finish: String?
        var served: String?
        var tokens: LLMTokenUsage?
        let (raw, done) = try await transport.postStream(http) { (event: SSEEvent) throws(LLMError) -> Bool in
            let data = event.data.trimmingCharacters(in: .whitespaces)
            if data == "[DONE]" { return false }
            guard let chunk = JSONHelpers.object(data) else {
                throw LLMError(.invalidResponse, provider: name, message: "a stream chunk is not JSON: \(data.prefix(200))")
            }
            if chunk["error"] != nil {
                let fields = JSONHelpers.errorFields(chunk)
                throw LLMError(.serverError, provider: name, message: transport.scrub(fields.message ?? "error in stream"))
            }
            served = chunk["model"] as? String ?? served
            if let choice = (chunk["choices"] as? [[String: Any]])?.first {
                if let piece = (choice["delta"] as? [String: Any])?["content"] as? String, !piece.isEmpty {
                    text += piece
                    onText(piece)
                }
                finish = choice["finish_reason"] as? String ?? finish
            }
            tokens = usage(chunk["usage"]) ?? tokens
            return true
        }
        guard done || finish != nil else {
            throw LLMError(.invalidResponse, provider: name, message: "the stream ended before [DONE]", isRetryable: text.isEmpty)
        }
        return LLMResponse(text: text, provider: name, model: served ?? model, usage: tokens, rawResponse: raw, finishReason: finish)
    }
}
