import FaultMavenCore
import FaultMavenHTTP
import Foundation
import LLMProviders
import LogAnalysis
import LoopbackHTTPServer
import Testing

@testable import Troubleshooting

/// The LLM responder against a server on 127.0.0.1 that speaks OpenAI's streaming Chat Completions:
/// what the model receives (redacted context), what the answer carries, and the fallback to the
/// built-in knowledge base when the provider fails.
@Suite struct LLMResponderTests {
    static let answer = """
        The payments service cannot reach its database.

        ## Likely causes
        - PostgreSQL is refusing connections (max_connections reached).

        ## Next steps
        1. Check the pool: `psql -c 'select count(*) from pg_stat_activity'`
        2. Restart the stuck workers: `systemctl restart payments`
        """

    static func sse(_ text: String) -> LoopbackResponse {
        var chunks: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            let piece = rest.prefix(40)
            rest = rest.dropFirst(piece.count)
            chunks.append("data: " + chunkJSON(content: String(piece)) + "\n\n")
        }
        chunks.append("data: " + chunkJSON(content: nil, finish: "stop") + "\n\n")
        chunks.append("data: [DONE]\n\n")
        return .eventStream(chunks)
    }

    static func chunkJSON(content: String?, finish: String? = nil) -> String {
        var delta: [String: Any] = [:]
        if let content { delta["content"] = content }
        let object: [String: Any] = [
            "id": "c1", "object": "chat.completion.chunk", "model": "fake-model",
            "choices": [["index": 0, "delta": delta, "finish_reason": finish.map { $0 as Any } ?? NSNull()]],
        ]
        return String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    func responder(_ server: LoopbackHTTPServer, attempts: Int = 1) throws -> LLMResponder {
        var settings = LLMProviderSettings(kind: .openai, baseURL: server.baseURL + "/v1", model: "fake-model")
        settings.resilience = ResilienceOptions(totalTimeout: .seconds(60), maxAttempts: attempts, initialBackoff: .milliseconds(10))
        let provider = try settings.makeProvider(client: HTTPClient(maxConcurrentTransfers: 2), environment: [:])
        return LLMResponder(provider: provider, builder: ContextBuilder(redactor: Redactor(emails: true)))
    }

    static let secretLines = [
        "2026-03-02 08:00:01 ERROR payments: connect to postgres://app:hunter2pass@db:5432/pay failed: connection refused",
        "2026-03-02 08:00:02 ERROR payments: retry with Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXNpZw",
        "2026-03-02 08:00:03 WARN payments: AWS key AKIAIOSFODNN7EXAMPLE rejected for ops@example.com",
    ]

    func context(question: String = "Why is payments failing?") -> TroubleshootingContext {
        TroubleshootingContext(question: question, recentErrors: Self.secretLines, sourceSummaries: ["payments.log: 3 errors"])
    }

    @Test func theModelAnswersFromARedactedContext() async throws {
        let server = try LoopbackHTTPServer { _ in Self.sse(Self.answer) }
        defer { server.stop() }
        let answer = try await responder(server).answer(context())

        #expect(answer.provider == "openai" && answer.model == "fake-model")
        #expect(answer.fallbackReason == nil)
        #expect(answer.response.contains("cannot reach its database"))
        #expect(answer.rawLLMResponse?.contains("[DONE]") == true)
        // The model's next steps come first, then the knowledge base's.
        let texts = answer.recommendations.map(\.text)
        #expect(texts.first?.hasPrefix("Check the pool") == true)
        #expect(texts.dropFirst().first?.hasPrefix("Restart the stuck workers") == true)
        #expect(answer.recommendations.first?.id.hasPrefix("llm-") == true)

        let request = try #require(server.requests.first)
        #expect(request.path == "/v1/chat/completions")
        let body = request.bodyText
        #expect(body.contains("Why is payments failing?"))
        #expect(body.contains("connection refused"))
        for secret in ["hunter2pass", "eyJhbGciOiJIUzI1NiJ9", "AKIAIOSFODNN7EXAMPLE", "ops@example.com"] {
            #expect(!body.contains(secret), "\(secret) reached the provider")
        }
        #expect(body.contains("[REDACTED"))
    }

    @Test func aFailingProviderFallsBackToTheKnowledgeBaseAndSaysWhy() async throws {
        let server = try LoopbackHTTPServer { _ in
            .json(#"{"error":{"message":"overloaded","type":"server_error"}}"#, status: 503)
        }
        defer { server.stop() }
        let answer = try await responder(server, attempts: 2).answer(context())
        #expect(server.requests.count == 2)  // one retry
        #expect(answer.provider == BuiltinResponder.providerName)
        #expect(answer.fallbackReason?.contains("openai did not answer") == true)
        #expect(answer.rawLLMResponse == nil)
        #expect(!answer.recommendations.isEmpty && !answer.response.isEmpty)
    }

    @Test func anUnreachableProviderFallsBack() async throws {
        let port = try LoopbackHTTPServer.unusedPort()
        var settings = LLMProviderSettings(kind: .openai, baseURL: "http://127.0.0.1:\(port)/v1", model: "m")
        settings.resilience = ResilienceOptions(maxAttempts: 1)
        let provider = try settings.makeProvider(client: HTTPClient(), environment: [:])
        let answer = await LLMResponder(provider: provider, builder: ContextBuilder()).answer(context())
        #expect(answer.provider == "builtin")
        #expect(answer.fallbackReason?.contains("network") == true)
    }

    @Test func offTopicQuestionsAreDeclinedWithoutCallingTheModel() async throws {
        let server = try LoopbackHTTPServer { _ in Self.sse("should not be asked") }
        defer { server.stop() }
        let answer = try await responder(server).answer(context(question: "What is a good recipe for banana bread?"))
        #expect(server.requests.isEmpty)
        #expect(answer.response == TopicClassifier.declineMessage)
    }

    @Test func nextStepsAreFoundUnderTheirHeadingOrAsANumberedList() {
        #expect(NextStepExtractor.steps(in: Self.answer).count == 2)
        let plain = "Do this:\n1) first thing\n2) second thing\nThanks."
        #expect(NextStepExtractor.steps(in: plain) == ["first thing", "second thing"])
        #expect(NextStepExtractor.steps(in: "No list here.").isEmpty)
        let long = "## Next steps\n- " + String(repeating: "é", count: 1000)
        #expect(NextStepExtractor.steps(in: long).first.map { $0.utf8.count <= NextStepExtractor.maxStepBytes } == true)
    }
}
