import Foundation
import Testing

/// Bad input gets a clear message naming what and where, or a counted skip; never a crash.
@Suite struct BadInputTests {
    @Test func configTyposAreReportedWithFileAndLine() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try dir.write("fluent.conf", """
            <source>
              @type tail
              pathh /var/log/app.log
              read_from_head maybe
            </source>

            """)
        let r = try await CLI.run(["check-config", "-c", dir.file("fluent.conf")])
        #expect(r.status == 1)
        #expect(r.stdout.contains("fluent.conf:3: warning: unknown parameter 'pathh'"), "\(r.stdout)")
        #expect(r.stdout.contains("did you mean 'path'"))
        #expect(r.stdout.contains("fluent.conf:4:"), "\(r.stdout)")
        #expect(r.stdout.contains("read_from_head"))
        #expect(r.stdout.contains("fluent.conf:1:") && r.stdout.contains("'path'"), "missing required path names the directive's line: \(r.stdout)")
    }

    @Test func unclosedDirectiveIsAnError() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try dir.write("fluent.conf", "<source>\n  @type tail\n  path /x.log\n")
        let r = try await CLI.run(["check-config", "-c", dir.file("fluent.conf")])
        #expect(r.status == 1)
        #expect(r.stdout.contains("fluent.conf:"), "\(r.stdout)")
    }

    @Test func runRefusesABadConfig() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        try dir.write("fluent.conf", "<source>\n  @type tail\n  path /x.log\n  read_from_head maybe\n</source>\n")
        let r = try await CLI.run(["run", "-c", dir.file("fluent.conf")], timeout: 30)
        #expect(r.status == 1)
        #expect(r.stderr.contains("fluent.conf:4:"), "\(r.stderr)")
    }

    @Test func missingConfigFile() async throws {
        let r = try await CLI.run(["check-config", "-c", "/nonexistent/fluent.conf"])
        #expect(r.status == 1)
        #expect((r.stdout + r.stderr).contains("/nonexistent/fluent.conf"))
    }

    @Test func unreadablePathIsBadInput() async throws {
        let r = try await CLI.run(["analyze", "/nonexistent/app.log"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("/nonexistent/app.log"))
        #expect(r.stderr.contains("No such file"))
    }

    @Test func binaryFileIsSkippedWithAWarning() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        var bytes = [UInt8](repeating: 0, count: 4096)
        for i in bytes.indices { bytes[i] = UInt8((i * 7919) % 256) }
        try Data(bytes).write(to: URL(fileURLWithPath: dir.file("blob.bin")))
        try dir.write("ok.log", "2026-03-02 08:00:00,000 INFO app: fine\n")
        let r = try await CLI.run(["analyze", "--format", "json", dir.file("blob.bin"), dir.file("ok.log")])
        #expect(r.status == 0, "one good file still gives a report: \(r.stderr)")
        #expect(r.stderr.contains("blob.bin") && r.stderr.contains("binary"))
        #expect(r.stdout.contains(#""events":1"#))
    }

    @Test func hugeLineIsTruncatedAndCounted() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let huge = String(repeating: "x", count: 10 * 1024 * 1024)
        try dir.write("big.log", "2026-03-02 08:00:00,000 INFO app: before\n2026-03-02 08:00:01,000 ERROR app: \(huge)\n2026-03-02 08:00:02,000 INFO app: after\n")
        let r = try await CLI.run(["analyze", "--format", "records", dir.file("big.log")])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\n")
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { $0.utf8.count < 1024 * 1024 }, "the long line was cut to the line limit")
        #expect(r.stderr.contains("truncated"), "\(r.stderr)")
    }

    @Test func invalidUTF8IsKeptWithReplacementCharacters() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        var data = Data("2026-03-02 08:00:00,000 ERROR app: bad bytes ".utf8)
        data.append(contentsOf: [0xFF, 0xFE, 0xC3])
        data.append(Data(" end\n".utf8))
        try data.write(to: URL(fileURLWithPath: dir.file("bad.log")))
        let r = try await CLI.run(["analyze", "--format", "records", dir.file("bad.log")])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\u{FFFD}"))
        #expect(r.stdout.contains("end"))
        #expect(r.stderr.contains("invalid UTF-8"), "\(r.stderr)")
    }

    @Test func aBusyQueryPortIsARuntimeFailure() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        // Hold a port with a listening socket, then ask the agent to serve on it.
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        _ = listen(fd, 1)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        let port = Int(UInt16(bigEndian: addr.sin_port))
        try dir.write("fluent.conf", "<faultmaven>\n  port \(port)\n  state_dir \(dir.path)/state\n</faultmaven>\n")
        let r = try await CLI.run(["run", "-c", dir.file("fluent.conf")], timeout: 60)
        #expect(r.status == 3)
        #expect(r.stderr.contains("query port 127.0.0.1:\(port)") && r.stderr.contains("Address already in use"), "\(r.stderr)")
    }

    @Test func usageErrorsExitWithTwo() async throws {
        let r = try await CLI.run(["analyze", "--format", "yaml", "x.log"])
        #expect(r.status == 2)
        let r2 = try await CLI.run(["frobnicate"])
        #expect(r2.status == 2)
    }

    @Test func versionPrints() async throws {
        let r = try await CLI.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout.range(of: #"^\d+\.\d+\.\d+"#, options: .regularExpression) != nil)
    }
}
