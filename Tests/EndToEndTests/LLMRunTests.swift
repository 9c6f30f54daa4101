import Foundation
import LoopbackHTTPServer
import Testing

/// `faultmaven run` with an OpenAI-compatible provider on 127.0.0.1: questions on the query port
/// are answered by the model from a redacted context; when the model is down, the built-in
/// knowledge base answers and says so.
@Suite(.serialized) struct LLMRunTests {
    static let answer = "The database refuses connections.\n\n## Next steps\n1. Check `pg_isready -h db-1`"

    static func sse(_ text: String) -> LoopbackResponse {
        func chunk(_ delta: String) -> String {
            let object: [String: Any] = [
                "id": "c", "object": "chat.completion.chunk", "model": "fake-model",
                "choices": [["index": 0, "delta": ["content": delta], "finish_reason": NSNull()]],
            ]
            return "data: " + String(decoding: try! JSONSerialization.data(withJSONObject: object), as: UTF8.self) + "\n\n"
        }
        return .eventStream([chunk(String(text.prefix(20))), chunk(String(text.dropFirst(20))), "data: [DONE]\n\n"])
    }

    /// `RunTests.config` with an OpenAI-compatible model at `model` (no retries).
    static func config(_ dir: TempDir, port: Int, model: String) -> String {
        RunTests.config(dir, port: port, faultmaven: """
              <llm>
                provider openai
                base_url \(model)/v1
                model fake-model
                max_retries 0
              </llm>

            """)
    }

    /// An agent on `dir` (one INFO line in `dir`/logs/app.log, `config` above) whose model is a
    /// loopback server streaming `answer`, once its query port answers. Stop both when done.
    static func startWithFakeModel(_ dir: TempDir, answer: String) async throws -> (model: LoopbackHTTPServer, agent: Process, base: String) {
        let model = try LoopbackHTTPServer { _ in sse(answer) }
        let port = RunTests.freePort()
        do {
            try FileManager.default.createDirectory(atPath: dir.path + "/logs", withIntermediateDirectories: true)
            try RunTests.append(dir.path + "/logs/app.log", ["2026-03-02 08:00:00,000 INFO app: started"])
            let agent = try RunTests.startAgent(dir, config: config(dir, port: port, model: model.baseURL))
            let base = "http://127.0.0.1:\(port)"
            _ = try await RunTests.waitFor("the query port") { try await RunTests.curl([base + "/api/status"]).0 == 200 }
            return (model, agent, base)
        } catch {
            model.stop()
            throw error
        }
    }

    static func ask(_ base: String, _ body: String) async throws -> [String: Any] {
        let (code, text) = try await RunTests.curl(["-H", "Content-Type: application/json", base + "/api/query", "-d", body])
        #expect(code == 200, "\(text)")
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func theConfiguredModelAnswersAndTheKnowledgeBaseStandsIn() async throws {
        let model = try LoopbackHTTPServer { _ in Self.sse(Self.answer) }
        defer { model.stop() }
        let dir = try TempDir()
        defer { dir.cleanup() }
        let port = RunTests.freePort()
        try FileManager.default.createDirectory(atPath: dir.path + "/logs", withIntermediateDirectories: true)
        try RunTests.append(dir.path + "/logs/app.log", [
            "2026-03-02 08:00:00,000 ERROR app.db: login to postgres://svc:Sup3rSecretPw@db-1/app failed: connection refused",
        ])
        let agent = try RunTests.startAgent(dir, config: LLMRunTests.config(dir, port: port, model: model.baseURL))
        defer { if agent.isRunning { agent.terminate() } }
        let base = "http://127.0.0.1:\(port)"
        _ = try await RunTests.waitFor("the agent to publish the error line") {
            let (code, body) = try await RunTests.curl([base + "/api/status"])
            return code == 200 && body.contains("connection refused")
        }

        let answered = try await Self.ask(base, #"{"query":"why does the app fail to log in to the database?"}"#)
        #expect(answered["provider"] as? String == "openai")
        #expect(answered["model"] as? String == "fake-model")
        #expect((answered["response"] as? String)?.contains("refuses connections") == true)
        #expect((answered["recommendations"] as? [String])?.first?.contains("pg_isready") == true)
        #expect((answered["raw_llm_response"] as? String)?.contains("[DONE]") == true)
        let sent = model.requests.map(\.bodyText).joined()
        #expect(sent.contains("connection refused"), "the log line reached the model as context")
        #expect(!sent.contains("Sup3rSecretPw"), "the password was redacted before leaving the host")

        let (_, status) = try await RunTests.curl([base + "/api/status"])
        #expect(status.contains(#""provider":"openai""#))

        // The model goes away: the knowledge base answers and says why.
        model.stop()
        let fallback = try await Self.ask(base, #"{"query":"why does the app fail to log in to the database?"}"#)
        #expect(fallback["provider"] as? String == "builtin")
        #expect((fallback["fallback_reason"] as? String)?.contains("openai did not answer") == true)
        #expect((fallback["recommendations"] as? [String])?.isEmpty == false)

        let (_, metrics) = try await RunTests.curl([base + "/metrics"])
        #expect(RunTests.metricValue(metrics, #"faultmaven_llm_requests_total{provider="openai",outcome="success"}"#) == 1)
        #expect(metrics.contains("faultmaven_redactions_total"))
        agent.terminate()
        try await TortureTests.waitExit(agent)
        #expect(agent.terminationStatus == 0)
    }
}
