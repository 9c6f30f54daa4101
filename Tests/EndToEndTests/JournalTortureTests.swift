import Foundation
import Testing

/// The journal half of the torture test, with the real binary: entries are appended to a real
/// journal file (systemd-journal-remote) while the agent is killed with SIGKILL twice and
/// restarted on its cursor. Every entry arrives; a graceful restart repeats none.
@Suite(.serialized) struct JournalTortureTests {
    static let total = 6_000

    static func entry(_ n: Int) -> String {
        "__REALTIME_TIMESTAMP=\(1_772_438_400_000_000 + UInt64(n) * 1000)\nMESSAGE=jseq=\(String(format: "%06d", n)) request handled\nPRIORITY=6\n_SYSTEMD_UNIT=app.service\n\n"
    }

    static func seen(_ dir: TempDir, runs: Int) -> [Int] {
        TortureTests.seen(dir, runs: runs, marker: "jseq=")
    }

    @Test func everyEntryArrivesThroughKills() async throws {
        guard FileManager.default.isExecutableFile(atPath: "/lib/systemd/systemd-journal-remote") else {
            Issue.record("systemd-journal-remote is missing (make test installs systemd-journal-remote)")
            return
        }
        let dir = try TempDir()
        defer { dir.cleanup() }
        let journal = dir.path + "/journal"
        try FileManager.default.createDirectory(atPath: journal, withIntermediateDirectories: true)
        let port = RunTests.freePort()
        try dir.write("fluent.conf", """
            <source>
              @type systemd
              path \(journal)
              read_from_head true
              tag journal
              <storage>
                path \(dir.path)/cursor.json
              </storage>
            </source>
            <match **>
              @type stdout
            </match>
            <faultmaven>
              port \(port)
              state_dir \(dir.path)/state
            </faultmaven>

            """)
        let remote = Process()
        remote.executableURL = URL(fileURLWithPath: "/lib/systemd/systemd-journal-remote")
        remote.arguments = ["--output=\(journal)/remote.journal", "-"]
        let stdin = Pipe()
        remote.standardInput = stdin
        remote.standardOutput = FileHandle.nullDevice
        remote.standardError = FileHandle.nullDevice
        try remote.run()
        let written = Locked(0)
        let writer = stdin.fileHandleForWriting
        Thread.detachNewThread {
            var n = 1
            while n <= Self.total {
                let end = min(n + 99, Self.total)
                writer.write(Data((n...end).map(Self.entry).joined().utf8))
                written.set(end)
                n = end + 1
                usleep(50_000)  // ~3 s in all, so cursor writes (at most every second) happen between kills
            }
        }

        var run = 1
        var agent = try TortureTests.start(dir, run: run)
        for fraction in [3, 2] {
            _ = await RunTests.waitFor("the writer to pass 1/\(fraction)", seconds: 120) { written.get() >= Self.total / fraction }
            // Kill a running agent (ready, with a cursor on disk), not one still starting up.
            _ = try await RunTests.waitFor("the agent to be ready and checkpoint", seconds: 60) {
                let (code, _) = try await RunTests.curl(["http://127.0.0.1:\(port)/readyz"])
                return code == 200 && FileManager.default.fileExists(atPath: dir.path + "/cursor.json")
            }
            kill(agent.processIdentifier, SIGKILL)
            try await TortureTests.waitExit(agent)
            run += 1
            agent = try TortureTests.start(dir, run: run)
        }
        _ = await RunTests.waitFor("the writer to finish", seconds: 120) { written.get() == Self.total }
        let complete = await RunTests.waitFor("every entry to arrive", seconds: 120) {
            Set(Self.seen(dir, runs: run)).count == Self.total
        }
        let all = Self.seen(dir, runs: run)
        let missing = Set(1...Self.total).subtracting(all)
        #expect(complete && missing.isEmpty, "missing \(missing.count) entries, e.g. \(missing.sorted().prefix(10))")
        let duplicates = all.count - Set(all).count
        #expect(duplicates <= 2 * 64 * 512)
        print("journal torture: \(Self.total) entries, \(duplicates) duplicates after 2 SIGKILLs; repeated: \(TortureTests.ranges(all))")

        // Graceful stop and restart: nothing new.
        agent.terminate()
        try await TortureTests.waitExit(agent)
        #expect(agent.terminationStatus == 0)
        let before = Self.seen(dir, runs: run).count
        run += 1
        agent = try TortureTests.start(dir, run: run)
        _ = try await RunTests.waitFor("the restarted agent to be ready") {
            let (code, _) = try await RunTests.curl(["http://127.0.0.1:\(port)/readyz"])
            return code == 200
        }
        // One more entry after the restart: once it arrives, the source has read past everything
        // before it, so any repeat of an old entry would be in the output by then.
        writer.write(Data(Self.entry(Self.total + 1).utf8))
        let marked = await RunTests.waitFor("the entry written after the restart to arrive", seconds: 120) {
            Self.seen(dir, runs: run).contains(Self.total + 1)
        }
        agent.terminate()
        try await TortureTests.waitExit(agent)
        #expect(marked)
        #expect(Self.seen(dir, runs: run).count == before + 1, "a graceful restart repeated entries")
        try? writer.close()
        remote.waitUntilExit()
    }
}
