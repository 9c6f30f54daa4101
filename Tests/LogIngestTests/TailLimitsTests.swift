import FaultMavenCore
import Foundation
import Testing

import Glibc

@testable import LogIngest

@Suite(.serialized) struct TailLimitsTests {
    @Test func checkpointAdvancesOnlyAfterTheConsumerAcceptedTheLines() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let p = dir.file("a.log")
        let pos = dir.file("a.pos")
        try writeFile(p, (1...10).map { "line\($0)\n" }.joined())
        var cfg = TailSourceTests.config([p], head: true, pos: pos)
        cfg.batchLines = 2
        let channel = BoundedChannel<LineBatch>(capacity: 1)
        let registry = MetricsRegistry()
        let source = TailSource(config: cfg, output: channel, metrics: registry, logger: quietLogger)
        let run = Task { try await source.run() }
        // One batch buffered, one producer parked: the source is blocked by back-pressure.
        try await waitUntil("source blocked on a full channel") { channel.count == 2 }
        #expect(!FileManager.default.fileExists(atPath: pos))
        var got: [RawLine] = []
        while got.count < 10, let batch = await channel.receive() {
            #expect(batch.count <= 2)
            got += batch
        }
        try await waitUntil("checkpoint at the end of the file") {
            (try? String(contentsOfFile: pos, encoding: .utf8))?.contains("\t\(PositionFile.hex16(61))\t") == true
        }
        try await waitUntil("lag back to 0") { registry.value("faultmaven_source_lag_bytes", [p]) == 0 }
        run.cancel()
        try await run.value
        #expect(got.map(\.text) == (1...10).map { "line\($0)" })
        #expect(registry.value("faultmaven_source_bytes_total", [p]) == 61)
    }

    @Test func openFileLimitSkipsAndCountsThenCatchesUp() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        for n in ["a", "b", "c"] { try writeFile(dir.file("\(n).log"), "\(n)1\n") }
        var cfg = TailSourceTests.config([dir.file("*.log")], head: true)
        cfg.maxOpenFiles = 2
        let h = TailHarness(cfg)
        try await h.waitLines(2)
        try await h.waitWatching(2)
        #expect(h.metric("faultmaven_source_skipped_files_total", [cfg.sourceID, "too_many_files"]) == 1)
        try FileManager.default.removeItem(atPath: dir.file("a.log"))
        try await h.waitLines(3)
        try await h.stop()
        #expect(h.texts.sorted() == ["a1", "b1", "c1"])
        #expect(h.metric("faultmaven_source_skipped_files_total", [cfg.sourceID, "too_many_files"]) == 1)
    }

    @Test func directoriesAndFifosMatchingTheGlobAreSkippedWithoutHanging() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try FileManager.default.createDirectory(atPath: dir.file("dir.log"), withIntermediateDirectories: false)
        #expect(mkfifo(dir.file("pipe.log"), 0o644) == 0)
        try writeFile(dir.file("real.log"), "real\n")
        let h = TailHarness(TailSourceTests.config([dir.file("*.log")], head: true))
        try await h.waitLines(1)
        try await h.waitWatching(1)
        try await h.stop()
        #expect(h.texts == ["real"])
    }

    @Test func followInodesResumesAFileRenamedWhileStopped() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let old = dir.file("app.log")
        try writeFile(old, "seen1\nseen2\nnew1\n")
        let ino = (try FileManager.default.attributesOfItem(atPath: old)[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
        let pos = dir.file("x.pos")
        try writeFile(pos, "\(old)\t000000000000000c\t\(PositionFile.hex16(ino))\n")
        try FileManager.default.moveItem(atPath: old, toPath: dir.file("app-renamed.log"))
        var cfg = TailSourceTests.config([dir.file("*.log")], head: true, pos: pos)
        cfg.followInodes = true
        let h = TailHarness(cfg)
        try await h.waitLines(1)
        try await h.stop()
        #expect(h.texts == ["new1"])
        #expect(h.metric("faultmaven_source_truncations_total") == 0)
    }
}
