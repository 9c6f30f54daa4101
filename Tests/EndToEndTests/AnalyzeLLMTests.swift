import Foundation
import LoopbackHTTPServer
import Testing

/// `faultmaven analyze -c` with an `<llm>` provider: incidents also carry the model's summary;
/// without a provider the report is unchanged.
@Suite struct AnalyzeLLMTests {
    @Test func incidentsCarryTheModelsSummary() async throws {
        let model = try LoopbackHTTPServer { _ in
            .json(#"{"id":"x","object":"chat.completion","model":"fake","choices":[{"index":0,"message":{"role":"assistant","content":"Payments lost its database at 08:10."},"finish_reason":"stop"}],"usage":{"prompt_tokens":10,"completion_tokens":8}}"#)
        }
        defer { model.stop() }
        let dir = try TempDir()
        defer { dir.cleanup() }
        _ = try AnalyzeTests.writeSample(dir)
        try dir.write("fluent.conf", """
            <faultmaven>
              <llm>
                provider openai
                base_url \(model.baseURL)/v1
                model fake
                max_retries 0
              </llm>
            </faultmaven>

            """)
        let files = ["access.log", "checkout.log", "payments.log"].map(dir.file)
        let r = try await CLI.run(["analyze", "-c", dir.file("fluent.conf"), "--format", "json"] + files)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let incidents = try #require(json["incidents"] as? [[String: Any]])
        try #require(!incidents.isEmpty)
        #expect(incidents.allSatisfy { $0["llm_summary"] as? String == "Payments lost its database at 08:10." })
        #expect(incidents.allSatisfy { $0["llm_provider"] as? String == "openai" })
        #expect(incidents.allSatisfy { ($0["summary"] as? String)?.isEmpty == false })  // the knowledge base's stays
        #expect(model.requests.count == incidents.count)
        // The summary prompt carried the incident's evidence.
        #expect(model.requests.first?.bodyText.contains("payments") == true)

        // The model down: the same report without llm_summary, and a zero exit.
        model.stop()
        let offline = try await CLI.run(["analyze", "-c", dir.file("fluent.conf"), "--format", "json"] + files)
        #expect(offline.status == 0, "stderr: \(offline.stderr)")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(offline.stdout.utf8)) as? [String: Any])
        #expect((o["incidents"] as? [[String: Any]])?.allSatisfy { $0["llm_summary"] == nil } == true)
    }
}
