import FaultMavenHTTP
import Foundation
import LLMProviders
import LoopbackHTTPServer
import Testing

@Suite struct AnthropicMessagesProviderTests {
    let client = HTTPClient(maxConcurrentTransfers: 4)

    @Test func jsonMessageSendsTheWireFormatAndParsesTheAnswer() async throws {
        let server = try LoopbackHTTPServer { _ in .json(AnthropicFixtures.message("Restart nginx.")) }
        defer { server.stop() }
        let provider = AnthropicMessagesProvider(endpoint: endpoint(server, path: ""), client: client)
        let response = try await provider.complete(
            LLMRequest(systemPrompt: "Be brief.", messages: [.user("502s?")], maxTokens: 200, temperature: 0))
        #expect(response.text == "Restart nginx.")
        #expect(response.provider == "anthropic")
        #expect(response.model == "claude-test-1")
        #expect(response.usage == LLMTokenUsage(inputTokens: 30, outputTokens: 7))
        #expect(response.finishReason == "end_turn")

        let seen = try #require(server.requests.first)
        #expect(seen.path == "/v1/messages")
        #expect(seen.header("x-api-key") == testKey)
        #expect(seen.header("anthropic-version") == "2023-06-01")
        #expect(seen.header("Authorization") == nil)
        let body = try #require(seen.jsonObject())
        #expect(body["system"] as? String == "Be brief.")
        #expect(body["model"] as? String == "test-model")
        #expect(body["max_tokens"] as? Int == 200)
        #expect(body["stream"] as? Bool == false)
        let messages = try #require(body["messages"] as? [[String: String]])
        #expect(messages == [["role": "user", "content": "502s?"]])
    }

    @Test func streamingEventsAssembleTextAndUsage() async throws {
        let stream = AnthropicFixtures.stream(["Check ", "`df -h`", "."]).joined()
        let cut = [String(stream.prefix(250)), String(stream.dropFirst(250).prefix(400)), String(stream.dropFirst(650))]
        let server = try LoopbackHTTPServer { _ in .eventStream(cut) }
        defer { server.stop() }
        let provider = AnthropicMessagesProvider(endpoint: endpoint(server, path: ""), client: client)
        let fragments = Fragments()
        let response = try await provider.complete(
            LLMRequest(messages: [.user("disk?"), LLMMessage(role: .system, content: "Extra rule.")], stream: true),
            onText: fragments.sink)
        #expect(fragments.items == ["Check ", "`df -h`", "."])
        #expect(response.text == "Check `df -h`.")
        #expect(response.usage == LLMTokenUsage(inputTokens: 25, outputTokens: 15))
        #expect(response.finishReason == "end_turn")
        #expect(response.model == "claude-test-1")
        let body = try #require(server.requests.first?.jsonObject())
        #expect(body["stream"] as? Bool == true)
        #expect(body["system"] as? String == "Extra rule.")
        #expect((body["messages"] as? [[String: String]])?.count == 1)
    }

    @Test func errorEventsAndStatusesAreTyped() async throws {
        let overloadedEvent = AnthropicFixtures.event(
            "error", "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}")
        let server = try LoopbackHTTPServer(sequence: [
            .eventStream([AnthropicFixtures.stream([]).first!, overloadedEvent]),
            .json("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}", status: 529),
            .json("{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"messages: roles must alternate\"}}", status: 400),
        ])
        defer { server.stop() }
        let provider = AnthropicMessagesProvider(endpoint: endpoint(server, path: ""), client: client)
        let streamed = await captureLLMError { _ = try await provider.complete(LLMRequest(messages: [.user("x")], stream: true)) }
        #expect(streamed?.kind == .serverError)
        #expect(streamed?.isRetryable == true)
        #expect(streamed?.message == "overloaded_error: Overloaded")
        let status = await captureLLMError { _ = try await provider.complete(LLMRequest(messages: [.user("x")])) }
        #expect(status?.kind == .serverError)
        #expect(status?.status == 529)
        let bad = await captureLLMError { _ = try await provider.complete(LLMRequest(messages: [.user("x")])) }
        #expect(bad?.kind == .badRequest)
        #expect(bad?.message.contains("roles must alternate") == true)
    }

    @Test func missingKeyIsAConfigurationError() async throws {
        let provider = AnthropicMessagesProvider(
            endpoint: LLMEndpoint(baseURL: "http://127.0.0.1:9", model: "m"), client: client)
        let error = await captureLLMError { _ = try await provider.complete(LLMRequest(messages: [.user("x")])) }
        #expect(error?.kind == .configuration)
        #expect(error?.shouldFallBack == true)
    }
}
