import Foundation
import Testing

/// `faultmaven run` against a real model: llama.cpp's OpenAI-compatible server (llama-cpp-python)
/// serving SmolLM2-135M on 127.0.0.1. The model is tiny and its answers are poor, so the test
/// asserts structure and flow (a streamed answer assembled, the provider named, the call counted),
/// never content. `make test-llm` sets the server up (scripts/llama-server.sh) and passes
/// FAULTMAVEN_LLAMA_PYTHON and FAULTMAVEN_LLAMA_MODEL; `make test` skips this suite.
@Suite(.serialized) struct LlamaCppTests {
    /// The venv's python and the .gguf model, from the environment `make test-llm` sets.
    static func setup() -> (python: String, model: String)? {
        let env = ProcessInfo.processInfo.environment
        guard let python = env["FAULTMAVEN_LLAMA_PYTHON"], let model = env["FAULTMAVEN_LLAMA_MODEL"],
            !python.isEmpty, !model.isEmpty
        else {
            Issue.record("""
                FAULTMAVEN_LLAMA_PYTHON and FAULTMAVEN_LLAMA_MODEL are not set: run `make test-llm`, which builds \
                llama.cpp's server and installs the model (scripts/llama-server.sh setup) and passes both
                """)
            return nil
        }
        let fm = FileManager.default
        guard fm.isExecutableFile(atPath: python), fm.fileExists(atPath: model) else {
            Issue.record("FAULTMAVEN_LLAMA_PYTHON=\(python) or FAULTMAVEN_LLAMA_MODEL=\(model) does not exist: run `make test-llm`")
            return nil
        }
        return (python, model)
    }

    /// Starts `python -m llama_cpp.server` on `port`, its output in `dir`/llama.log.
    static func startServer(python: String, model: String, port: Int, dir: TempDir) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = [
            "-m", "llama_cpp.server", "--model", model, "--host", "127.0.0.1", "--port", String(port), "--n_ctx", "2048",
        ]
        _ = FileManager.default.createFile(atPath: dir.file("llama.log"), contents: nil)
        let log = FileHandle(forWritingAtPath: dir.file("llama.log"))
        p.standardOutput = log
        p.standardError = log
        p.standardInput = FileHandle.nullDevice
        try p.run()
        return p
    }

    /// SIGTERM, then SIGKILL if the server has not exited within 15 s.
    static func stop(_ p: Process) {
        guard p.isRunning else { return }
        p.terminate()
        let deadline = Date().addingTimeInterval(15)
        while p.isRunning && Date() < deadline { usleep(50_000) }
        if p.isRunning { kill(p.processIdentifier, SIGKILL) }
        p.waitUntilExit()
    }

    /// The last `bytes` of a file, for failure messages.
    static func tail(_ path: String, bytes: Int = 2_000) -> String {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return String(text.suffix(bytes))
    }

    @Test func aRealModelAnswersThroughTheOpenAIProvider() async throws {
        guard let llamaSetup = Self.setup() else { return }
        let (python, model) = llamaSetup
        let dir = try TempDir()
        defer { dir.cleanup() }
        let llamaPort = RunTests.freePort()
        let server = try Self.startServer(python: python, model: model, port: llamaPort, dir: dir)
        defer { Self.stop(server) }
        let llama = "http://127.0.0.1:\(llamaPort)"
        let ready = try await RunTests.waitFor("llama.cpp's server to list its model", seconds: 180) {
            guard server.isRunning else { return true }
            let (code, body) = try await RunTests.curl([llama + "/v1/models"])
            return code == 200 && body.contains(#""data""#)
        }
        guard ready, server.isRunning else {
            Issue.record("llama.cpp's server did not come up; its log:\n\(Self.tail(dir.file("llama.log")))")
            return
        }

        let port = RunTests.freePort()
        try FileManager.default.createDirectory(atPath: dir.path + "/logs", withIntermediateDirectories: true)
        try RunTests.append(dir.path + "/logs/app.log", [
            "2026-03-02 08:00:00,000 INFO app.http: GET /health 200",
            "2026-03-02 08:00:01,000 ERROR app.db: connect to db-1:5432 failed: connection refused",
        ])
        let agent = try RunTests.startAgent(dir, config: RunTests.config(dir, port: port, faultmaven: """
              <llm>
                provider openai
                base_url \(llama)/v1
                model smollm2-135m
                max_tokens 64
                temperature 0
                context_tokens 1500
                timeout 120s
                total_timeout 150s
                max_retries 0
                incident_summaries false
              </llm>

            """))
        defer { if agent.isRunning { agent.terminate() } }
        let base = "http://127.0.0.1:\(port)"
        _ = try await RunTests.waitFor("the agent to publish the error line") {
            let (code, body) = try await RunTests.curl([base + "/api/status"])
            return code == 200 && body.contains("connection refused")
        }

        // curl's own limit (-m) must outlast the provider's timeout: the last -m wins.
        let (code, text) = try await RunTests.curl([
            "-m", "200", "-H", "Content-Type: application/json", base + "/api/query",
            "-d", #"{"query":"Why does the app fail to connect to the database?"}"#,
        ])
        #expect(code == 200, "\(text)")
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
        #expect(answer["provider"] as? String == "openai", "fallback: \(answer["fallback_reason"] ?? "none"); llama log:\n\(Self.tail(dir.file("llama.log")))")
        #expect(answer["fallback_reason"] == nil)
        #expect((answer["response"] as? String)?.isEmpty == false, "\(text)")
        let raw = answer["raw_llm_response"] as? String ?? ""
        #expect(raw.contains("data:"), "the SSE stream is kept raw: \(raw.prefix(300))")
        #expect(raw.contains("chat.completion.chunk"), "\(raw.prefix(300))")

        let (_, metrics) = try await RunTests.curl([base + "/metrics"])
        let successes = RunTests.metricValue(metrics, #"faultmaven_llm_requests_total{provider="openai",outcome="success"}"#)
        #expect((successes ?? 0) >= 1, "\(metrics.split(separator: "\n").filter { $0.contains("faultmaven_llm") })")
        #expect((RunTests.metricValue(metrics, #"faultmaven_llm_tokens_total{provider="openai",direction="input"}"#) ?? 0) > 0)
        #expect((RunTests.metricValue(metrics, #"faultmaven_llm_tokens_total{provider="openai",direction="output"}"#) ?? 0) > 0)

        agent.terminate()
        try await TortureTests.waitExit(agent)
        #expect(agent.terminationStatus == 0)

        // The summary stored with each incident: `analyze -c` on 15 minutes of demo traffic with an
        // injected incident asks the model for one summary per incident.
        try dir.write("analyze.conf", """
            <faultmaven>
              <llm>
                provider openai
                base_url \(llama)/v1
                model smollm2-135m
                max_tokens 48
                temperature 0
                context_tokens 1200
                timeout 120s
                max_retries 0
              </llm>
            </faultmaven>

            """)
        _ = try AnalyzeTests.writeSample(dir)
        let files = ["access.log", "checkout.log", "payments.log"].map(dir.file)
        let r = try await CLI.run(["analyze", "-c", dir.file("analyze.conf"), "--format", "json"] + files, timeout: 600)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let incidents = try #require(report["incidents"] as? [[String: Any]])
        #expect(!incidents.isEmpty)
        for incident in incidents {
            #expect(incident["llm_provider"] as? String == "openai", "\(incident); llama log:\n\(Self.tail(dir.file("llama.log")))")
            #expect((incident["llm_summary"] as? String)?.isEmpty == false)
        }

        // Timeouts are honoured: the same settings with a 50 ms budget, shorter than the server
        // needs to read a summary prompt, end every call; the report keeps the knowledge base's
        // summaries only and the failures are logged as timeouts.
        let conf = try String(contentsOfFile: dir.file("analyze.conf"), encoding: .utf8)
        try dir.write("hurried.conf", conf.replacingOccurrences(of: "timeout 120s", with: "timeout 0.05\n    total_timeout 0.05"))
        let hurried = try await CLI.run(["analyze", "-c", dir.file("hurried.conf"), "--format", "json"] + files, timeout: 600)
        #expect(hurried.status == 0, "stderr: \(hurried.stderr)")
        let h = try #require(try JSONSerialization.jsonObject(with: Data(hurried.stdout.utf8)) as? [String: Any])
        let hurriedIncidents = try #require(h["incidents"] as? [[String: Any]])
        #expect(hurriedIncidents.count == incidents.count)
        #expect(hurriedIncidents.allSatisfy { $0["llm_summary"] == nil && ($0["summary"] as? String)?.isEmpty == false })
        #expect(hurried.stderr.contains("timeout"), "\(hurried.stderr.suffix(600))")
    }
}
