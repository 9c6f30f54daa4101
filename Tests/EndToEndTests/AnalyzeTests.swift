import FaultMavenAgent
import FaultMavenCore
import Foundation
import Testing

/// `faultmaven analyze` on files, through the real binary.
@Suite struct AnalyzeTests {
    /// Writes 15 minutes of demo traffic (three formats) with an incident from minute 10 to 11:30.
    static func writeSample(_ dir: TempDir) throws -> (start: Date, end: Date) {
        var writer = DemoWriter(directory: dir.path)
        writer.incidentAfter = 600
        writer.incidentLength = 90
        let base = Date(timeIntervalSince1970: 1_772_438_400)  // 2026-03-02T08:00:00Z
        var rng = SplitMix64(seed: 7)
        var files: [String: String] = [:]
        for tenth in 0..<(15 * 60 * 10) {
            let t = Double(tenth) / 10
            for (file, line) in writer.lines(at: base.addingTimeInterval(t), t: t, rng: &rng) {
                files[file, default: ""] += line + "\n"
            }
        }
        for (name, text) in files { try dir.write(name, text) }
        return (base.addingTimeInterval(600), base.addingTimeInterval(690))
    }

    @Test func jsonReportFindsTheInjectedIncident() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let incident = try Self.writeSample(dir)
        let files = ["access.log", "checkout.log", "payments.log"].map(dir.file)
        let r = try await CLI.run(["analyze", "--format", "json"] + files)
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])

        let fileRows = try #require(json["files"] as? [[String: Any]])
        #expect(fileRows.count == 3)
        var formats: [String: String] = [:]
        for row in fileRows { formats[((row["path"] as? String ?? "") as NSString).lastPathComponent] = row["format"] as? String }
        #expect(formats["payments.log"] == "json")
        #expect(formats["access.log"] == "nginx")
        #expect((json["templates"] as? [[String: Any]])?.isEmpty == false)

        let anomalies = try #require(json["anomalies"] as? [[String: Any]])
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let near = anomalies.filter { a in
            guard let s = a["start"] as? String, let start = f.date(from: s) else { return false }
            return start >= incident.start.addingTimeInterval(-60) && start <= incident.end.addingTimeInterval(120)
        }
        #expect(!near.isEmpty, "no anomaly near the incident; got \(anomalies)")
        let sources = Set(near.compactMap { ($0["source"] as? String).map { ($0 as NSString).lastPathComponent } })
        #expect(sources.contains("payments.log"))
        let far = anomalies.count - near.count
        #expect(far == 0, "anomalies far from the incident: \(anomalies.filter { a in !near.contains { ($0["id"] as? String) == (a["id"] as? String) } })")
        for a in near {
            let detected = try #require((a["detected_at"] as? String).flatMap(f.date(from:)))
            #expect(detected >= incident.start, "detected before the incident began: no look-ahead allowed")
        }
        #expect((json["incidents"] as? [[String: Any]])?.isEmpty == false)
        #expect((json["summary"] as? String)?.contains("anomal") == true)
    }

    @Test func recordsFormatPrintsOneObjectPerEventInInputOrder() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try dir.write("app.log", """
            2026-03-02 08:00:00,444 INFO app.api: GET /api/orders/1 200 in 53ms
            2026-03-02 08:00:01,000 ERROR app.db: connection refused to db-1:5432
            2026-03-02 08:00:02,000 INFO app.api: GET /api/orders/2 200 in 12ms

            """)
        let r = try await CLI.run(["analyze", "--format", "records", dir.file("app.log")])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let rows = r.stdout.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(rows.count == 3)
        #expect(rows.map { $0?["line"] as? Int } == [1, 2, 3])
        #expect(rows[1]?["level"] as? String == "ERROR")
        #expect(rows[1]?["time"] as? String == "2026-03-02T08:00:01.000Z")
        #expect(rows[0]?["template_id"] as? Int == rows[2]?["template_id"] as? Int)
        #expect((rows[0]?["template"] as? String)?.contains("<*>") == true)
        #expect(rows[0]?["source"] as? String == dir.file("app.log"))
    }

    @Test func recordsNameAndTypeParametersThatTheLineNames() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try dir.write("api.log", """
            2026-03-02T08:00:00Z level=info msg=served path=/api/orders latency=53ms status=200
            2026-03-02T08:00:01Z level=info msg=served path=/api/users latency=1.2s status=503
            2026-03-02 08:00:02,000 INFO app.api: request done status: 200 in 12ms
            2026-03-02 08:00:03,000 INFO app.api: request done status: 404 in 7ms

            """)
        let r = try await CLI.run(["analyze", "--format", "records", dir.file("api.log")])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let rows = r.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(rows.count == 4)
        let last = try #require(rows.last?["parameters"] as? [[String: Any]])
        #expect(rows.last?["template"] as? String == "request done status: <*> in <*>")
        #expect(last.map { $0["name"] as? String } == ["status", nil])
        #expect(last.map { $0["type"] as? String } == ["number", "duration"])
        #expect(last[1]["number"] as? Int == 7 && last[1]["unit"] as? String == "ms")
    }

    @Test func stdinAndForcedParser() async throws {
        let input = "plain line one\nplain line two ERROR\n"
        let r = try await CLI.run(["analyze", "--parse", "none", "--format", "records", "-"], stdin: Data(input.utf8))
        #expect(r.status == 0, "stderr: \(r.stderr)")
        let rows = r.stdout.split(separator: "\n")
        #expect(rows.count == 2)
        #expect(rows[0].contains(#""message":"plain line one""#))
    }

    @Test func compressedInputIsReadTransparently() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try dir.write("a.log", (1...50).map { "2026-03-02 08:00:\(String(format: "%02d", $0 % 60)),000 INFO app: tick \($0)" }.joined(separator: "\n") + "\n")
        for tool in ["gzip", "zstd"] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = [tool, "-k", "-q", dir.file("a.log")]
            try p.run()
            p.waitUntilExit()
            try #require(p.terminationStatus == 0, "\(tool) is needed (make test installs it)")
        }
        for name in ["a.log.gz", "a.log.zst"] {
            let r = try await CLI.run(["analyze", "--format", "json", dir.file(name)])
            #expect(r.status == 0, "\(name): \(r.stderr)")
            #expect(r.stdout.contains(#""events":50"#), "\(name): \(r.stdout.prefix(300))")
        }
    }

    @Test func textReportIsReadable() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        _ = try Self.writeSample(dir)
        let r = try await CLI.run(["analyze", dir.file("payments.log")])
        #expect(r.status == 0)
        #expect(r.stdout.contains("payments.log"))
        #expect(r.stdout.contains("new_pattern") || r.stdout.contains("error_rate"))
    }
}
