import Foundation
import LoopbackHTTPServer
import Testing

/// `faultmaven ask` against a running `faultmaven run` (with a model on 127.0.0.1): upload a
/// file, ask, reject a recommendation, ask again.
@Suite(.serialized) struct AskTests {
    static let rejectedStep = "Restart the checkout pods"
    static let answer = "Checkout fails because the orders-db pool is exhausted.\n\n## Next steps\n1. \(rejectedStep)\n2. Raise the orders-db pool size"

    /// The id printed before `text` in a recommendation line `  [ID] text`.
    static func id(of text: String, in output: String) throws -> String {
        let line = try #require(output.split(separator: "\n").first { $0.hasSuffix("] \(text)") }, "no line for \(text) in:\n\(output)")
        let open = try #require(line.firstIndex(of: "["))
        let close = try #require(line.firstIndex(of: "]"))
        return String(line[line.index(after: open)..<close])
    }

    static func session(in output: String) throws -> String {
        let line = try #require(output.split(separator: "\n").first { $0.hasPrefix("Session: ") }, "no session in:\n\(output)")
        return String(line.dropFirst("Session: ".count).prefix { $0 != " " })
    }

    @Test func uploadAskRejectAskAgain() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let (model, agent, base) = try await LLMRunTests.startWithFakeModel(dir, answer: Self.answer)
        defer { model.stop() }
        defer { if agent.isRunning { agent.terminate() } }
        try dir.write("checkout.log", "2026-03-02 08:00:00,000 ERROR checkout.db: connection pool exhausted waiting for orders-db\n")

        // Upload and ask in one call; the address comes from -c.
        let first = try await CLI.run(["ask", "-c", dir.file("fluent.conf"), "--file", dir.file("checkout.log"), "why is checkout failing?"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Data checkout.log: Log analysis complete. Detected 1 error"))
        #expect(first.stdout.contains("Checkout fails because the orders-db pool is exhausted."))
        let sid = try Self.session(in: first.stdout)
        let rejected = try Self.id(of: Self.rejectedStep, in: first.stdout)
        let prompt = try #require(model.requests.last?.bodyText)
        #expect(prompt.contains("pool exhausted"), "the uploaded file is in the model's context")

        // Reject it and ask again in the same session.
        let second = try await CLI.run([
            "ask", "--server", base, "--session", sid, "--reject", rejected, "--comment", "did not help", "what else should I check?",
        ])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("Rejected [\(rejected)] \(Self.rejectedStep)"))
        #expect(try Self.session(in: second.stdout) == sid)
        #expect(second.stdout.contains("Raise the orders-db pool size"))
        let afterRejection = second.stdout.split(separator: "\n").drop { !$0.hasPrefix("Recommendations") }
        #expect(!afterRejection.contains { $0.contains(Self.rejectedStep) }, "the rejected recommendation is not offered again")
        #expect(!afterRejection.isEmpty)

        // --json: one JSON answer per line on stdout, the session on stderr.
        let third = try await CLI.run(["ask", "--server", base, "--session", sid, "--json", "--text", "-", "and now?"], stdin: Data("WARN slow\n".utf8))
        #expect(third.status == 0, "\(third.stderr)")
        let objects = try third.stdout.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects.count == 2)
        #expect(objects.allSatisfy { $0["session_id"] as? String == sid })
        #expect(objects.first?["name"] as? String == "stdin")
        #expect(third.stderr.contains("session: \(sid)"))

        // The agent's 4xx is the error message, exit 1.
        let refused = try await CLI.run(["ask", "--server", base, "--session", sid, "--accept", "r-nope"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("the agent answered 404 to /api/feedback"), "\(refused.stderr)")
    }

    @Test func unreachableAgentAndUsageErrors() async throws {
        let port = try LoopbackHTTPServer.unusedPort()
        let down = try await CLI.run(["ask", "--server", "http://127.0.0.1:\(port)", "anyone there?"])
        #expect(down.status == 3)
        #expect(down.stderr.contains("cannot reach the agent at http://127.0.0.1:\(port)"), "\(down.stderr)")
        let help = try await CLI.run(["ask", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Exit codes: 0 answered"), "\(help.stdout)\(help.stderr)")
        let nothing = try await CLI.run(["ask"])
        #expect(nothing.status == 2)
        #expect(nothing.stderr.contains("give a QUESTION"))
        let missing = try await CLI.run(["ask", "--server", "http://127.0.0.1:\(port)", "--file", "/nonexistent/x.log"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("--file /nonexistent/x.log: cannot read the file"))
    }
}
