import FaultMavenCore
import Foundation
import Testing

@testable import LogIngest

@Suite(.serialized) struct TailSourceTests {
    static func config(_ paths: [String], tag: String = "app", head: Bool = false, pos: String? = nil, inotify: Bool = true) -> TailConfig {
        TailConfig(
            paths: paths, tag: tag, posFile: pos, readFromHead: head, refreshInterval: 0.5, rotateWait: 30,
            enableStatWatcher: inotify, pollInterval: 0.2)
    }

    @Test func followsAppendsFromTheEndByDefault() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let p = dir.file("a.log")
        try writeFile(p, "old1\nold2\n")
        let h = TailHarness(Self.config([p]))
        try await h.waitWatching(1)
        try append(p, "new1\nnew2\n")
        try await h.waitLines(2)
        try append(p, "new3\n")
        try await h.waitLines(3)
        try await h.stop()
        #expect(h.texts == ["new1", "new2", "new3"])
        #expect(h.lines.map(\.number) == [1, 2, 3])
        #expect(h.lines.allSatisfy { $0.source == p && $0.path == p && $0.tag == "app" })
        #expect(h.metric("faultmaven_source_lines_total") == 3)
        #expect(h.metric("faultmaven_source_bytes_total") == 15)
        #expect(h.metric("faultmaven_source_files_watched") == 0)
    }

    @Test func readFromHeadReadsExistingLinesWithFileLineNumbers() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let p = dir.file("a.log")
        try writeFile(p, "l1\nl2\npart")
        let h = TailHarness(Self.config([p], head: true))
        try await h.waitLines(2)
        try append(p, "ial\nl4\n")
        try await h.waitLines(4)
        try await h.stop()
        #expect(h.texts == ["l1", "l2", "partial", "l4"])
        #expect(h.lines.map(\.number) == [1, 2, 3, 4])
    }

    @Test func pollingAloneFollowsAppends() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let p = dir.file("a.log")
        try writeFile(p, "")
        let h = TailHarness(Self.config([p], inotify: false))
        try await h.waitWatching(1)
        try append(p, "x\ny\n")
        try await h.waitLines(2)
        try await h.stop()
        #expect(h.texts == ["x", "y"])
    }

    @Test func globPicksUpLaterFilesExpandsTagAndHonoursExcludes() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try writeFile(dir.file("a.log"), "a-old\n")
        var cfg = Self.config([dir.file("*.log")], tag: "k8s.*")
        cfg.excludePaths = [dir.file("skip*.log")]
        let h = TailHarness(cfg)
        try await h.waitWatching(1)
        try writeFile(dir.file("skip1.log"), "excluded\n")
        try writeFile(dir.file("b.log"), "b1\nb2\n")  // appears later: read from its head
        try await h.waitLines(2)
        try append(dir.file("a.log"), "a-new\n")
        try await h.waitLines(3)
        try await h.stop()
        #expect(h.texts.sorted() == ["a-new", "b1", "b2"])
        let b = h.lines.filter { $0.path == dir.file("b.log") }
        #expect(b.map(\.number) == [1, 2])
        let dotted = dir.file("b.log").split(separator: "/").joined(separator: ".")
        #expect(b.first?.tag == "k8s." + dotted)
        #expect(h.lines.allSatisfy { $0.source == dir.file("*.log") })
    }

    @Test func strftimePathsUseTheInjectedClock() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let day = Date(timeIntervalSince1970: 1_700_000_000)
        let f = DateFormatter()
        f.dateFormat = "yyyyMMdd"
        f.timeZone = .current
        let name = dir.file("app-\(f.string(from: day)).log")
        try writeFile(name, "dated\n")
        try writeFile(dir.file("app-19990101.log"), "other day\n")
        let h = TailHarness(Self.config([dir.file("app-%Y%m%d.log")], head: true), now: { day })
        try await h.waitLines(1)
        try await h.stop()
        #expect(h.texts == ["dated"])
        #expect(h.lines.first?.path == name)
    }

    @Test func binaryFilesAreSkippedAndCounted() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try writeBytes(dir.file("core.log"), [0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1, 0x0A])
        try writeFile(dir.file("ok.log"), "fine\n")
        let h = TailHarness(Self.config([dir.file("*.log")], head: true))
        try await h.waitLines(1)
        try await waitUntil("binary count") { h.metric("faultmaven_source_skipped_files_total", [h.config.sourceID, "binary"]) == 1 }
        try await h.waitWatching(1)
        try await h.stop()
        #expect(h.texts == ["fine"])
    }

    @Test func longAndInvalidLinesAreCounted() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let p = dir.file("a.log")
        try writeBytes(p, Array(String(repeating: "z", count: 100).utf8) + [0x0A, 0x61, 0xFE, 0x0A])
        var cfg = Self.config([p], head: true)
        cfg.maxLineSize = 10
        let h = TailHarness(cfg)
        try await h.waitLines(2)
        try await h.stop()
        #expect(h.texts == [String(repeating: "z", count: 10), "a\u{FFFD}"])
        #expect(h.metric("faultmaven_source_skipped_lines_total", [p, "too_long"]) == 1)
        #expect(h.metric("faultmaven_source_skipped_lines_total", [p, "invalid_utf8"]) == 1)
    }

    @Test func deletedFileIsReadToTheEndAndClosed() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let p = dir.file("a.log")
        try writeFile(p, "")
        let h = TailHarness(Self.config([p]))
        try await h.waitWatching(1)
        try append(p, "one\ntwo\nlast-unterminated")
        try FileManager.default.removeItem(atPath: p)
        try await h.waitLines(3)
        try await h.waitWatching(0)
        try await h.stop()
        #expect(h.texts == ["one", "two", "last-unterminated"])
        #expect(h.metric("faultmaven_source_rotations_total") == 0)
    }

    @Test func tagExpansionFollowsFluentd() {
        let c = TailConfig(paths: ["/x"], tag: "foo.*")
        #expect(c.tag(forPath: "/path/to/file") == "foo.path.to.file")
        #expect(TailConfig(paths: ["/x"], tag: "*").tag(forPath: "/var/log/a.log") == "var.log.a.log")
        #expect(TailConfig(paths: ["/x"], tag: "pre.*.post").tag(forPath: "/a//b") == "pre.a.b.post")
        #expect(TailConfig(paths: ["/x"], tag: "plain").tag(forPath: "/a") == "plain")
        #expect(c.sourceID == "/x")
    }

    @Test func invalidConfigIsRejectedByRun() async throws {
        var c = TailConfig(paths: ["/x"], tag: "t")
        c.enableStatWatcher = false
        c.enableWatchTimer = false
        let s = TailSource(config: c, output: BoundedChannel(capacity: 1), metrics: MetricsRegistry(), logger: quietLogger)
        await #expect(throws: FaultMavenError.badInput("tail: 'enable_stat_watcher' and 'enable_watch_timer' cannot both be false")) {
            try await s.run()
        }
    }
}
