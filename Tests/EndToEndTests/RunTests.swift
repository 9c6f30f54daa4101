import Foundation
import Testing

/// `faultmaven run` as a process: tails a directory while a file is appended to and rotated;
/// the query port answers; SIGTERM shuts down cleanly with checkpoints written.
@Suite(.serialized) struct RunTests {
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    /// curl, as an operator would; returns (HTTP status, body).
    static func curl(_ args: [String]) async throws -> (Int, String) {
        try await offPool { try curlBlocking(args) }
    }

    static func curlBlocking(_ args: [String]) throws -> (Int, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["curl", "-s", "-m", "10", "-w", "\n%{http_code}"] + args
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard let nl = text.lastIndex(of: "\n") else { return (0, text) }
        return (Int(text[text.index(after: nl)...]) ?? 0, String(text[..<nl]))
    }

    /// Polls until `body` returns true; fails the test after `seconds`.
    static func waitFor(_ what: String, seconds: Double = 60, _ body: () async throws -> Bool) async rethrows -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try await body() { return true }
            try? await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("timed out waiting for \(what)")
        return false
    }

    static func metricValue(_ text: String, _ series: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix(series + " ") {
            return Double(line.split(separator: " ").last ?? "")
        }
        return nil
    }

    static func append(_ path: String, _ lines: [String]) throws {
        let h = FileHandle(forWritingAtPath: path) ?? {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            return FileHandle(forWritingAtPath: path)!
        }()
        h.seekToEndOfFile()
        h.write(Data(lines.map { $0 + "\n" }.joined().utf8))
        try h.close()
    }

    /// fluent.conf: tail `dir`/logs/*.log from the head, the query port on `port`, state in
    /// `dir`/state, and `faultmaven` (lines indented for the `<faultmaven>` section) after them.
    static func config(_ dir: TempDir, port: Int, faultmaven extra: String = "") -> String {
        """
        <source>
          @type tail
          path \(dir.path)/logs/*.log
          read_from_head true
        </source>
        <faultmaven>
          port \(port)
          state_dir \(dir.path)/state
        \(extra)</faultmaven>

        """
    }

    /// Starts `faultmaven run` with `config`; stdout/stderr go to files in `dir`.
    static func startAgent(_ dir: TempDir, config: String) throws -> Process {
        try dir.write("fluent.conf", config)
        return try launch(dir, stdout: "stdout", stderr: "stderr")
    }

    /// Starts `faultmaven run -c DIR/fluent.conf`, its output in the files `stdout` and `stderr` of `dir`.
    static func launch(_ dir: TempDir, stdout: String, stderr: String) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: CLI.binary)
        p.arguments = ["run", "-c", dir.file("fluent.conf")]
        _ = FileManager.default.createFile(atPath: dir.file(stdout), contents: nil)
        _ = FileManager.default.createFile(atPath: dir.file(stderr), contents: nil)
        p.standardOutput = FileHandle(forWritingAtPath: dir.file(stdout))
        p.standardError = FileHandle(forWritingAtPath: dir.file(stderr))
        try p.run()
        return p
    }

    /// A real Prometheus server scrapes the agent, and the series arrive in its TSDB.
    @Test func prometheusScrapesTheAgent() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let port = Self.freePort(), promPort = Self.freePort()
        try FileManager.default.createDirectory(atPath: dir.path + "/logs", withIntermediateDirectories: true)
        try Self.append(dir.path + "/logs/a.log", (1...25).map { "2026-03-02 08:00:00,000 INFO app: line \($0)" })
        let agent = try Self.startAgent(dir, config: Self.config(dir, port: port))
        defer { if agent.isRunning { agent.terminate() } }
        try dir.write("prometheus.yml", """
            global:
              scrape_interval: 1s
            scrape_configs:
              - job_name: faultmaven
                static_configs:
                  - targets: ["127.0.0.1:\(port)"]

            """)
        let prom = Process()
        prom.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        prom.arguments = [
            "prometheus", "--config.file=\(dir.file("prometheus.yml"))", "--storage.tsdb.path=\(dir.path)/tsdb",
            "--web.listen-address=127.0.0.1:\(promPort)",
        ]
        prom.standardOutput = FileHandle.nullDevice
        prom.standardError = FileHandle.nullDevice
        try prom.run()
        defer { if prom.isRunning { prom.terminate() } }

        let query = "http://127.0.0.1:\(promPort)/api/v1/query?query=faultmaven_source_lines_total"
        var last = ""
        let ok = try await Self.waitFor("Prometheus to store the agent's line count", seconds: 90) {
            let (code, body) = try await Self.curl([query])
            last = body
            return code == 200 && body.contains(#""faultmaven_source_lines_total""#) && body.contains(#""25"]"#)
        }
        #expect(ok, "last answer: \(last)")
        let (_, up) = try await Self.curl(["http://127.0.0.1:\(promPort)/api/v1/query?query=up"])
        #expect(up.contains(#""job":"faultmaven""#) && up.contains(#""1"]"#), "the scrape target is up: \(up)")
    }

    @Test func tailsRotatesAnswersAndShutsDownCleanly() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let port = Self.freePort()
        let logs = dir.path + "/logs"
        try FileManager.default.createDirectory(atPath: logs, withIntermediateDirectories: true)
        let config = """
            <source>
              @type tail
              path \(logs)/*.log
              pos_file \(dir.path)/app.pos
              tag app.*
              read_from_head true
              <parse>
                @type auto
              </parse>
            </source>
            <faultmaven>
              port \(port)
              state_dir \(dir.path)/state
            </faultmaven>

            """
        let app = logs + "/app.log"
        let line = { (i: Int) in "2026-03-02 08:00:\(String(format: "%02d", i % 60)),000 INFO app.api: GET /api/orders/\(i) 200 in \(i % 90)ms" }
        try Self.append(app, (1...200).map(line))

        let p = try Self.startAgent(dir, config: config)
        defer { if p.isRunning { p.interrupt(); p.terminate() } }

        let base = "http://127.0.0.1:\(port)"
        let series = "faultmaven_source_lines_total{source=\"\(logs)/*.log\"}"
        _ = try await Self.waitFor("the agent to read 200 lines") {
            let (code, body) = try await Self.curl([base + "/metrics"])
            return code == 200 && Self.metricValue(body, series) == 200
        }

        // Rename rotation: more lines to the old file after the rename, then to a new file.
        try FileManager.default.moveItem(atPath: app, toPath: logs + "/app.log.1")
        try Self.append(logs + "/app.log.1", (201...250).map(line))
        try Self.append(app, (251...400).map(line))
        _ = try await Self.waitFor("all 400 lines after rotation") {
            let (_, body) = try await Self.curl([base + "/metrics"])
            return Self.metricValue(body, series) == 400
        }

        let (hcode, hbody) = try await Self.curl([base + "/healthz"])
        #expect(hcode == 200 && hbody.contains("ok"))
        let (rcode, _) = try await Self.curl([base + "/readyz"])
        #expect(rcode == 200)

        // The original FaultMaven request shape.
        let (qcode, qbody) = try await Self.curl([
            "-H", "Content-Type: application/json", "-D", "-", base + "/api/query", "-d",
            #"{"user_id":"u1","query":"why are requests failing?","logs":["2026-03-02 08:10:00,000 ERROR db: connection refused to db-1:5432"],"metrics":{"cpu_usage":97}}"#,
        ])
        #expect(qcode == 200, "\(qbody)")
        #expect(qbody.lowercased().contains("x-session-id:"))
        let json = qbody.components(separatedBy: "\r\n\r\n").last ?? ""
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((obj["recommendations"] as? [String])?.isEmpty == false)
        #expect(obj["provider"] as? String == "builtin")
        #expect((obj["session_id"] as? String)?.isEmpty == false)
        #expect(obj.keys.contains("raw_llm_response"))

        // Metrics pass promtool.
        let (_, metrics) = try await Self.curl([base + "/metrics"])
        let mfile = dir.file("metrics.txt")
        try metrics.write(toFile: mfile, atomically: true, encoding: .utf8)
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/bin/sh")
        check.arguments = ["-c", "promtool check metrics < \(mfile)"]
        let checkOut = Pipe()
        check.standardOutput = checkOut
        check.standardError = checkOut
        try check.run()
        let checkText = try await offPool {
            let text = String(decoding: checkOut.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            check.waitUntilExit()
            return text
        }
        #expect(check.terminationStatus == 0, "promtool: \(checkText)")

        // Graceful shutdown writes the checkpoint.
        p.terminate()
        _ = await Self.waitFor("the agent to exit after SIGTERM") { !p.isRunning }
        #expect(p.terminationStatus == 0, "\((try? String(contentsOfFile: dir.file("stderr"), encoding: .utf8)) ?? "")")
        let pos = (try? String(contentsOfFile: dir.path + "/app.pos", encoding: .utf8)) ?? ""
        #expect(pos.contains(app))
    }
}
