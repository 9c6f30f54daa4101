import Foundation
import LoopbackHTTPServer
import Testing

/// `faultmaven run` with a model on 127.0.0.1: a conversation (data → question → reject →
/// question) whose prompts carry the history, the submitted data and what was rejected, and a
/// session that survives an agent restart.
@Suite(.serialized) struct SessionFeedbackRunTests {
    static let rejectedStep = "Restart the checkout pods"
    /// The model repeats itself: the agent must still not offer the rejected step again.
    static let answer = "Checkout fails because the orders-db pool is exhausted.\n\n## Next steps\n1. \(rejectedStep)\n2. Raise the orders-db pool size"
    static let dataLine = "2026-03-02 08:00:00,000 ERROR checkout.db: connection pool exhausted waiting for orders-db"

    static func post(_ base: String, _ path: String, session: String?, _ body: String) async throws -> (Int, [String: Any]) {
        var args = ["-H", "Content-Type: application/json"]
        if let session { args += ["-H", "X-Session-ID: \(session)"] }
        let (code, text) = try await RunTests.curl(args + [base + path, "-d", body])
        return (code, try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)"))
    }

    /// The chat messages of the model request that asked `question`.
    static func messages(_ model: LoopbackHTTPServer, asking question: String) throws -> [(role: String, content: String)] {
        let request = try #require(model.requests.first { $0.bodyText.contains("Question: \(question)") }, "no request asked \(question)")
        let json = try #require(request.jsonObject())
        let messages = try #require(json["messages"] as? [[String: Any]])
        return messages.map { (($0["role"] as? String) ?? "", ($0["content"] as? String) ?? "") }
    }

    @Test func feedbackSteersTheNextPromptAndSessionsSurviveARestart() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let (model, agent, base) = try await LLMRunTests.startWithFakeModel(dir, answer: Self.answer)
        defer { model.stop() }
        defer { if agent.isRunning { agent.terminate() } }

        // Data, then a question in the same session.
        let content = try String(data: JSONSerialization.data(withJSONObject: Self.dataLine + "\n", options: .fragmentsAllowed), encoding: .utf8)!
        let (dataCode, data) = try await Self.post(base, "/api/data", session: nil, #"{"type":"text","content":\#(content)}"#)
        #expect(dataCode == 200)
        let sid = try #require(data["session_id"] as? String)
        let (code1, first) = try await Self.post(base, "/api/query", session: sid, #"{"query":"why is checkout failing?"}"#)
        #expect(code1 == 200)
        #expect(first["provider"] as? String == "openai")
        let texts = try #require(first["recommendations"] as? [String])
        let ids = try #require(first["recommendation_ids"] as? [String])
        let rejectedIndex = try #require(texts.firstIndex(of: Self.rejectedStep))
        let prompt1 = try Self.messages(model, asking: "why is checkout failing?")
        #expect(prompt1.map(\.role) == ["system", "user"], "no history yet")
        let user1 = try #require(prompt1.last?.content)
        #expect(user1.contains("pool exhausted"), "the submitted data is in the prompt")
        #expect(user1.contains("Submitted data (1 lines)") || user1.contains("Submitted data (1 line)"))
        #expect(!user1.contains("Rejected by the engineer"))

        // Reject one recommendation, ask again.
        let (fbCode, fb) = try await Self.post(
            base, "/api/feedback", session: sid, #"{"recommendation_id":"\#(ids[rejectedIndex])","verdict":"reject","comment":"did not help"}"#)
        #expect(fbCode == 200)
        #expect(fb["verdict"] as? String == "reject")
        let (code2, second) = try await Self.post(base, "/api/query", session: sid, #"{"query":"what else should I check?"}"#)
        #expect(code2 == 200)
        #expect(second["session_id"] as? String == sid)
        let again = try #require(second["recommendations"] as? [String])
        #expect(!again.contains(Self.rejectedStep), "the rejected recommendation is not offered again")
        #expect(again.contains("Raise the orders-db pool size"))
        #expect(!(second["response"] as? String ?? "").contains(Self.rejectedStep))

        let prompt2 = try Self.messages(model, asking: "what else should I check?")
        #expect(prompt2.map(\.role) == ["system", "user", "assistant", "user"], "the first turn is history")
        #expect(prompt2[1].content == "why is checkout failing?")
        #expect(prompt2[2].content.contains("orders-db pool is exhausted"))
        let user2 = prompt2[3].content
        #expect(user2.contains("pool exhausted"), "the submitted data is still in the prompt")
        #expect(user2.contains("## Rejected by the engineer (do not suggest these again)\n- \(Self.rejectedStep)"))

        // Restart on the same state_dir: the session and its turns are still there.
        agent.terminate()
        try await TortureTests.waitExit(agent)
        #expect(agent.terminationStatus == 0)
        let restarted = try RunTests.launch(dir, stdout: "stdout2", stderr: "stderr2")
        defer { if restarted.isRunning { restarted.terminate() } }
        _ = try await RunTests.waitFor("the restarted query port") { try await RunTests.curl([base + "/api/status"]).0 == 200 }
        let (getCode, body) = try await RunTests.curl([base + "/api/sessions/\(sid)"])
        #expect(getCode == 200, "\(body)")
        let session = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        let turns = try #require(session["turns"] as? [[String: Any]])
        #expect(turns.map { $0["question"] as? String } == ["why is checkout failing?", "what else should I check?"])
        #expect((session["data"] as? [Any])?.count == 1)
        let feedback = try #require(session["feedback"] as? [[String: Any]])
        #expect(feedback.first?["recommendation"] as? String == Self.rejectedStep)

        // The rejection still holds after the restart.
        let (code3, third) = try await Self.post(base, "/api/query", session: sid, #"{"query":"anything else?"}"#)
        #expect(code3 == 200)
        #expect(!(third["recommendations"] as? [String] ?? [Self.rejectedStep]).contains(Self.rejectedStep))
        restarted.terminate()
        try await TortureTests.waitExit(restarted)
    }
}
