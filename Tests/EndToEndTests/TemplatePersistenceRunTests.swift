import Foundation
import Testing

/// `faultmaven run` keeps its templates in `state_dir`: after a graceful stop and a restart the
/// templates keep their ids, new ones continue the sequence, and an old error template is not a
/// new pattern while a really new one still is.
@Suite(.serialized) struct TemplatePersistenceRunTests {
    /// New patterns count right after the first line, so the restarted agent would report any
    /// template it took for new.
    static let eagerNewPattern = """
          <anomaly>
            warmup 0s
            <new_pattern>
              warmup_lines 0
            </new_pattern>
          </anomaly>

        """

    static func templates(_ base: String) async throws -> [String: Int] {
        let (code, body) = try await RunTests.curl([base + "/api/templates"])
        guard code == 200, let obj = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any],
            let rows = obj["templates"] as? [[String: Any]]
        else { return [:] }
        var byText: [String: Int] = [:]
        for row in rows { if let t = row["template"] as? String, let id = row["id"] as? Int { byText[t] = id } }
        return byText
    }

    static func newPatternIDs(_ base: String) async throws -> [Int] {
        let (_, body) = try await RunTests.curl([base + "/api/anomalies"])
        let obj = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
        let anomalies = obj?["anomalies"] as? [[String: Any]] ?? []
        return anomalies.filter { $0["kind"] as? String == "new_pattern" }.compactMap { $0["template_id"] as? Int }
    }

    static func stop(_ agent: Process, _ dir: TempDir) async throws {
        agent.terminate()
        try await TortureTests.waitExit(agent)
        #expect(agent.terminationStatus == 0, "\((try? String(contentsOfFile: dir.file("stderr"), encoding: .utf8)) ?? "")")
    }

    @Test func templatesKeepTheirIdsAcrossARestartAndOldOnesAreNotNew() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let logs = dir.path + "/logs"
        try FileManager.default.createDirectory(atPath: logs, withIntermediateDirectories: true)
        let orders = { (i: Int) in "2026-03-02 08:00:\(String(format: "%02d", i % 60)),000 INFO app.api: GET /api/orders/\(i) 200 in \(i % 90)ms" }
        let refused = { (i: Int) in "2026-03-02 08:10:00,000 ERROR app.db: connection refused to db-1:5432 after \(i) retries" }
        try RunTests.append(logs + "/a.log", (1...40).map(orders) + (1...5).map(refused))

        // First run: learn the templates, stop gracefully (the last write runs at shutdown).
        var port = RunTests.freePort()
        var base = "http://127.0.0.1:\(port)"
        var agent = try RunTests.startAgent(dir, config: RunTests.config(dir, port: port, faultmaven: Self.eagerNewPattern))
        defer { if agent.isRunning { agent.terminate() } }
        var before: [String: Int] = [:]
        _ = try await RunTests.waitFor("the first run to mine both templates") {
            before = try await Self.templates(base)
            return before.count >= 2 && before.values.count == Set(before.values).count
                && before.keys.contains { $0.contains("connection refused") }
        }
        try await Self.stop(agent, dir)
        #expect(before.count == 2, "\(before)")

        // Second run on other lines: a new INFO template first, then the old ones, then the old
        // error and a really new error.
        try FileManager.default.removeItem(atPath: logs + "/a.log")
        let cache = { (i: Int) in "2026-03-02 09:00:\(String(format: "%02d", i % 60)),000 INFO app.cache: warmed \(i * 7) entries in \(i)ms" }
        let disk = { (i: Int) in "2026-03-02 09:10:00,000 ERROR app.disk: volume /data is full, wrote \(i * 512) of \(i * 1024) bytes" }
        let refusedLater = { (i: Int) in "2026-03-02 09:10:00,000 ERROR app.db: connection refused to db-2:5432 after \(i) retries" }
        try RunTests.append(
            logs + "/b.log",
            (1...30).map(cache) + (1...30).map { orders($0).replacingOccurrences(of: "08:00", with: "09:05") }
                + (1...6).map(refusedLater) + (1...6).map(disk))
        port = RunTests.freePort()
        base = "http://127.0.0.1:\(port)"
        agent = try RunTests.startAgent(dir, config: RunTests.config(dir, port: port, faultmaven: Self.eagerNewPattern))
        var after: [String: Int] = [:]
        _ = try await RunTests.waitFor("the second run to mine the new templates") {
            after = try await Self.templates(base)
            return after.keys.contains { $0.contains("volume") } && after.keys.contains { $0.contains("warmed") }
        }
        _ = try await RunTests.waitFor("the new error template to be reported as a new pattern") {
            let diskID = after.first { $0.key.contains("volume") }?.value
            return try await Self.newPatternIDs(base).contains { $0 == diskID }
        }
        for (text, id) in before { #expect(after[text] == id, "\(text): \(id) before, \(after[text] ?? -1) after") }
        let highest = before.values.max() ?? 0
        for (text, id) in after where before[text] == nil { #expect(id > highest, "\(text) got \(id)") }
        let refusedID = try #require(before.first { $0.key.contains("connection refused") }?.value)
        #expect(try await !Self.newPatternIDs(base).contains(refusedID), "the old error template was reported as new")
        let (_, metrics) = try await RunTests.curl([base + "/metrics"])
        #expect(RunTests.metricValue(metrics, "faultmaven_templates_restored_total") == 2)
        #expect(RunTests.metricValue(metrics, "faultmaven_template_store_errors_total") == 0)
        try await Self.stop(agent, dir)
    }
}
