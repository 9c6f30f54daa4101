import Foundation
import Testing

/// `faultmaven run` under 200 troubleshooting sessions asking at once, from a second process
/// (`scripts/load-sessions.py`): every request succeeds, the sessions expire, and the agent's
/// memory returns to where it was, so nothing a session touched is kept after it ends.
@Suite(.serialized) struct SessionLoadTests {
    static let sessions = 200
    /// Idle time before a session expires: longer than any one request of the load takes.
    static let sessionTimeout = "15s"

    /// The load generator's JSON report.
    struct LoadReport: Decodable {
        var sessions: Int
        var completedSessions: Int
        var requests: Int
        var statuses: [String: Int]
        var errors: Int
        var errorSamples: [String]
        var latencyMs: [String: Double]
        var wallSeconds: Double

        enum CodingKeys: String, CodingKey {
            case sessions, requests, statuses, errors
            case latencyMs = "latency_ms"
            case wallSeconds = "wall_seconds"
            case completedSessions = "completed_sessions"
            case errorSamples = "error_samples"
        }
    }

    /// Resident memory of `pid` in bytes: now (`VmRSS` of /proc/PID/status) or its peak (`VmHWM`).
    static func residentBytes(_ pid: Int32, _ field: String = "VmRSS") throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        let line = try #require(status.split(separator: "\n").first { $0.hasPrefix(field + ":") })
        let kb = try #require(Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]))
        return kb * 1024
    }

    /// One round: every session at once; the report of the load generator.
    static func round(port: Int) async throws -> LoadReport {
        let script = CLI.repoRoot.appendingPathComponent("scripts/load-sessions.py").path
        let r = try await CLI.runTool("python3", [script, "--port", "\(port)", "--sessions", "\(sessions)"], timeout: 600)
        return try JSONDecoder().decode(LoadReport.self, from: Data(r.stdout.utf8))
    }

    static func activeSessions(_ base: String) async throws -> Double? {
        let (code, text) = try await RunTests.curl([base + "/metrics"])
        return code == 200 ? RunTests.metricValue(text, "faultmaven_sessions_active") : nil
    }

    static func expectClean(_ report: LoadReport, _ round: String) {
        #expect(report.errors == 0, "\(round): \(report.errorSamples)")
        #expect(report.completedSessions == sessions, "\(round)")
        #expect(report.requests == 4 * sessions, "\(round)")
        #expect(report.statuses == ["200": 4 * sessions], "\(round): \(report.statuses)")
    }

    @Test func twoHundredConcurrentSessionsSucceedAndLeaveNoMemoryBehind() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let port = RunTests.freePort()
        try FileManager.default.createDirectory(atPath: dir.path + "/logs", withIntermediateDirectories: true)
        try RunTests.append(dir.path + "/logs/app.log", ["2026-03-02 08:00:00,000 INFO app: started"])
        let agent = try RunTests.startAgent(dir, config: RunTests.config(dir, port: port, faultmaven: "  session_timeout \(Self.sessionTimeout)\n"))
        defer { if agent.isRunning { agent.terminate() } }
        let base = "http://127.0.0.1:\(port)"
        _ = try await RunTests.waitFor("the query port") { try await RunTests.curl([base + "/readyz"]).0 == 200 }

        // Warm-up: caches, the database's pages and the allocator's arenas reach their working size.
        Self.expectClean(try await Self.round(port: port), "warm-up")
        _ = try await RunTests.waitFor("the warm-up sessions to expire", seconds: 120) { try await Self.activeSessions(base) == 0 }
        let baseline = try Self.residentBytes(agent.processIdentifier)

        let report = try await Self.round(port: port)
        Self.expectClean(report, "second round")
        #expect(try await Self.activeSessions(base) ?? 0 > 0, "the sessions are live before they expire")
        let peak = try Self.residentBytes(agent.processIdentifier, "VmHWM")
        _ = try await RunTests.waitFor("the second round's sessions to expire", seconds: 120) { try await Self.activeSessions(base) == 0 }

        // A session that left a few tens of kilobytes behind would push the agent past this.
        let tolerance = max(8 << 20, baseline / 10)
        var after = peak
        let back = try await RunTests.waitFor("resident memory back near \(baseline >> 20) MiB", seconds: 60) {
            after = try Self.residentBytes(agent.processIdentifier)
            return after <= baseline + tolerance
        }
        let numbers = "RSS baseline \(baseline >> 10) KiB, peak \(peak >> 10) KiB, after expiry \(after >> 10) KiB"
        #expect(back, "\(numbers)")
        // The numbers of docs/BENCHMARKS.md.
        print(
            "SessionLoadTests: \(report.requests) requests in \(report.wallSeconds) s, latency ms p50 \(report.latencyMs["p50"] ?? 0)"
                + " p99 \(report.latencyMs["p99"] ?? 0) max \(report.latencyMs["max"] ?? 0); \(numbers)")
        #expect(agent.isRunning)
        agent.terminate()
        try await TortureTests.waitExit(agent)
        #expect(agent.terminationStatus == 0)
    }
}
