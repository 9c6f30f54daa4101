import FaultMavenHTTP
import Foundation
import LLMProviders
import LoopbackHTTPServer
import Testing

@Suite struct OpenAIChatProviderTests {
    let client = HTTPClient(maxConcurrentTransfers: 4)

    @Test func jsonCompletionSendsTheWireFormatAndParsesTheAnswer() async throws {
        let server = try LoopbackHTTPServer { _ in .json(OpenAIFixtures.completion("Disk /var is full.")) }
        defer { server.stop() }
        let provider = OpenAIChatProvider(endpoint: endpoint(server), client: client)
        let response = try await provider.complete(
            LLMRequest(systemPrompt: "You are FaultMaven.", messages: [.user("why?"), .assistant("checking"), .user("and now?")],
                       maxTokens: 300, temperature: 0.2))
        #expect(response.text == "Disk /var is full.")
        #expect(response.provider == "openai")
        #expect(response.model == "test-model-0613")
        #expect(response.usage == LLMTokenUsage(inputTokens: 12, outputTokens: 5))
        #expect(response.finishReason == "stop")
        #expect(response.rawResponse.contains("\"chat.completion\""))

        let seen = try #require(server.requests.first)
        #expect(seen.method == "POST")
        #expect(seen.path == "/v1/chat/completions")
        #expect(seen.header("Authorization") == "Bearer \(testKey)")
        #expect(seen.header("Content-Type") == "application/json")
        let body = try #require(seen.jsonObject())
        #expect(body["model"] as? String == "test-model")
        #expect(body["max_tokens"] as? Int == 300)
        #expect((body["temperature"] as? Double).map { abs($0 - 0.2) < 1e-9 } == true)
        #expect(body["stream"] as? Bool == false)
        #expect(body["stream_options"] == nil)
        let messages = try #require(body["messages"] as? [[String: String]])
        #expect(messages.map { $0["role"] ?? "" } == ["system", "user", "assistant", "user"])
        #expect(messages.map { $0["content"] ?? "" } == ["You are FaultMaven.", "why?", "checking", "and now?"])
    }

    @Test func streamingAssemblesDeltasInOrderWithUsage() async throws {
        // One chunk boundary falls inside an event, another between "\r\n" pairs.
        let events = [OpenAIFixtures.chunk("Dis"), OpenAIFixtures.chunk("k f"), OpenAIFixtures.chunk("ull", finish: nil),
                      OpenAIFixtures.chunk(nil, finish: "stop"), OpenAIFixtures.usageChunk, "data: [DONE]\n\n"].joined()
        let split = [String(events.prefix(100)), String(events.dropFirst(100).prefix(333)), String(events.dropFirst(433))]
        let server = try LoopbackHTTPServer { _ in .eventStream(split) }
        defer { server.stop() }
        let provider = OpenAIChatProvider(endpoint: endpoint(server), client: client)
        let fragments = Fragments()
        let response = try await provider.complete(LLMRequest(messages: [.user("status?")], stream: true), onText: fragments.sink)
        #expect(fragments.items == ["Dis", "k f", "ull"])
        #expect(response.text == "Disk full")
        #expect(response.finishReason == "stop")
        #expect(response.usage == LLMTokenUsage(inputTokens: 20, outputTokens: 3))
        #expect(response.rawResponse == events)
        let body = try #require(server.requests.first?.jsonObject())
        #expect(body["stream"] as? Bool == true)
        #expect((body["stream_options"] as? [String: Bool])?["include_usage"] == true)
        #expect(server.requests.first?.header("Accept") == "text/event-stream")
    }

    @Test func errorBodiesBecomeTypedErrorsWithoutTheKey() async throws {
        let server = try LoopbackHTTPServer { _ in
            .json(OpenAIFixtures.error("Incorrect API key provided: \(testKey).", type: "invalid_request_error"), status: 401)
        }
        defer { server.stop() }
        let provider = OpenAIChatProvider(endpoint: endpoint(server), client: client)
        let error = try #require(await captureLLMError { _ = try await provider.complete(LLMRequest(messages: [.user("x")])) })
        #expect(error.kind == .authentication)
        #expect(error.status == 401)
        #expect(error.shouldFallBack)
        #expect(error.message.contains("Incorrect API key provided"))
        #expect(!error.description.contains(testKey))
        #expect(!String(reflecting: error).contains(testKey))
        #expect(!"\(provider)".contains(testKey))
        #expect(!String(reflecting: provider.endpoint).contains(testKey))
    }

    @Test func badRequestDoesNotAskForFallback() async throws {
        let server = try LoopbackHTTPServer { _ in
            .json(OpenAIFixtures.error("max_tokens is too large", type: "invalid_request_error"), status: 400)
        }
        defer { server.stop() }
        let provider = OpenAIChatProvider(endpoint: endpoint(server), client: client)
        let error = await captureLLMError { _ = try await provider.complete(LLMRequest(messages: [.user("x")])) }
        #expect(error?.kind == .badRequest)
        #expect(error?.shouldFallBack == false)
        #expect(error?.isRetryable == false)
        #expect(error?.description.contains("invalid_request_error: max_tokens is too large") == true)
    }

    @Test func azureStyleQueryAndKeyHeaderAndKeylessServers() async throws {
        let server = try LoopbackHTTPServer { _ in .json(OpenAIFixtures.completion("ok")) }
        defer { server.stop() }
        let azure = OpenAIChatProvider(
            endpoint: endpoint(server, path: "/openai/deployments/d1?api-version=2024-06-01"), client: client, apiKeyHeader: "api-key")
        _ = try await azure.complete(LLMRequest(messages: [.user("x")]))
        let local = OpenAIChatProvider(endpoint: endpoint(server, path: "/v1/", key: nil), name: "ollama", client: client)
        let answer = try await local.complete(LLMRequest(messages: [.user("x")]))
        #expect(answer.provider == "ollama")
        let seen = server.requests
        #expect(seen.map(\.path) == ["/openai/deployments/d1/chat/completions?api-version=2024-06-01", "/v1/chat/completions"])
        #expect(seen[0].header("api-key") == testKey)
        #expect(seen[0].header("Authorization") == nil)
        #expect(seen[1].header("Authorization") == nil)
    }

    @Test func truncatedOrFailingStreamsAreErrors() async throws {
        let server = try LoopbackHTTPServer(sequence: [
            .eventStream([OpenAIFixtures.chunk("partial")]),
            .eventStream([OpenAIFixtures.chunk("a"), "data: {\"error\":{\"message\":\"model crashed\",\"type\":\"server_error\"}}\n\n"]),
            .eventStream(["data: not json\n\n"]),
        ])
        defer { server.stop() }
        let provider = OpenAIChatProvider(endpoint: endpoint(server), client: client)
        let request = LLMRequest(messages: [.user("x")], stream: true)
        let truncated = await captureLLMError { _ = try await provider.complete(request) }
        #expect(truncated?.kind == .invalidResponse)
        #expect(truncated?.message.contains("[DONE]") == true)
        let crashed = await captureLLMError { _ = try await provider.complete(request) }
        #expect(crashed?.kind == .serverError)
        #expect(crashed?.message == "model crashed")
        let garbage = await captureLLMError { _ = try await provider.complete(request) }
        #expect(garbage?.kind == .invalidResponse)
    }

    @Test func unreachableServerIsANetworkErrorThatFallsBack() async throws {
        let port = try LoopbackHTTPServer.unusedPort()
        let provider = OpenAIChatProvider(
            endpoint: LLMEndpoint(baseURL: "http://127.0.0.1:\(port)/v1", model: "m", apiKey: APIKey(testKey)), client: client)
        let error = await captureLLMError { _ = try await provider.complete(LLMRequest(messages: [.user("x")])) }
        #expect(error?.kind == .network)
        #expect(error?.isRetryable == true)
        #expect(error?.shouldFallBack == true)
        #expect(error?.description.contains("127.0.0.1:\(port)") == true)
        #expect(error?.description.contains(testKey) == false)
    }

    @Test func emptyConversationIsRejectedLocally() async throws {
        let provider = OpenAIChatProvider(endpoint: LLMEndpoint(baseURL: "http://127.0.0.1:9/v1", model: "m"), client: client)
        let error = await captureLLMError { _ = try await provider.complete(LLMRequest(messages: [])) }
        #expect(error?.kind == .badRequest)
    }
}
