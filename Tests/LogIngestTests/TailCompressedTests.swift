import FaultMavenCore
import Foundation
import Testing

import Glibc

@testable import LogIngest

@Suite(.serialized) struct TailCompressedTests {
    static func lines(_ tag: String, _ range: ClosedRange<Int>) -> [String] {
        range.map { "\(tag) \(String(format: "%06d", $0)) some text to make the head distinctive" }
    }

    static func text(_ lines: [String]) -> String { lines.map { $0 + "\n" }.joined() }

    @Test func compressedRotatedFilesAreReadOnceAndNotAgainAfterRestart() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let pos = dir.file("app.pos")
        let gzLines = Self.lines("gz", 1...300)
        let zstLines = Self.lines("zst", 1...200)
        try writeFile(dir.file("app.log.2"), Self.text(gzLines))
        try writeFile(dir.file("app.log.3"), Self.text(zstLines))
        try runTool("/usr/bin/gzip", [dir.file("app.log.2")])
        try runTool("/usr/bin/zstd", ["-q", "--rm", dir.file("app.log.3")])
        try writeFile(dir.file("app.log"), "current\n")
        let cfg = TailSourceTests.config([dir.file("app.log*")], head: true, pos: pos)
        let first = TailHarness(cfg)
        try await first.waitLines(501)
        try await first.stop()
        let gz = first.lines.filter { $0.path.hasSuffix(".gz") }
        #expect(gz.map(\.text) == gzLines)
        #expect(gz.map(\.number) == Array(1...300))
        // Positions are decompressed bytes after each line.
        #expect(gz.last?.position == Int64(Self.text(gzLines).utf8.count))
        #expect(first.lines.filter { $0.path.hasSuffix(".zst") }.map(\.text) == zstLines)
        let state = String(decoding: try Data(contentsOf: URL(fileURLWithPath: pos + ".state")), as: UTF8.self)
        #expect(state.split(separator: "\n").filter { $0.hasPrefix("done\t") }.count == 2)

        let second = TailHarness(cfg)
        try await second.waitWatching(1)
        try append(dir.file("app.log"), "after restart\n")
        try await second.waitLines(1)
        try await second.stop()
        #expect(second.texts == ["after restart"])
    }

    @Test func delaycompressRotationGivesNoLossAndNoDuplicates() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let p = dir.file("app.log")
        let pos = dir.file("app.pos")
        let cfg = TailSourceTests.config([dir.file("app.log*")], head: true, pos: pos)
        var expected = Self.lines("a", 1...100)
        try writeFile(p, Self.text(expected))
        let h = TailHarness(cfg)
        try await h.waitLines(100)
        // Rotation 1 (delaycompress): rename, new file; the old one is still written to.
        try FileManager.default.moveItem(atPath: p, toPath: p + ".1")
        try writeFile(p, "")
        let late = Self.lines("a", 101...110)
        try append(p + ".1", Self.text(late))
        let fresh = Self.lines("b", 1...100)
        try append(p, Self.text(fresh))
        expected += late + fresh
        try await h.waitLines(expected.count)
        // Rotation 2: the previous file is compressed (new inode), the plain copy deleted.
        try runTool("/usr/bin/gzip", [p + ".1"])
        let more = Self.lines("b", 101...120)
        try append(p, Self.text(more))
        expected += more
        try await h.waitLines(expected.count)
        try await waitUntil("compressed copy recognised") { h.metric("faultmaven_source_skipped_files_total", [cfg.sourceID, "already_read"]) == 1 }
        try await h.stop()
        #expect(h.texts.count == expected.count)
        #expect(h.texts.sorted() == expected.sorted())

        let again = TailHarness(cfg)
        try await again.waitWatching(1)
        try append(p, "tail\n")
        try await again.waitLines(1)
        try await again.stop()
        #expect(again.texts == ["tail"])
    }

    @Test func rotationAndCompressionWhileStoppedContinueAtTheCheckpoint() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let p = dir.file("app.log")
        let pos = dir.file("app.pos")
        let cfg = TailSourceTests.config([dir.file("app.log*")], head: true, pos: pos)
        let before = Self.lines("x", 1...80)
        try writeFile(p, Self.text(before))
        let h = TailHarness(cfg)
        try await h.waitLines(80)
        try await h.stop()
        // While stopped: more lines, then `compress` without delaycompress.
        let unread = Self.lines("x", 81...120)
        try append(p, Self.text(unread))
        try FileManager.default.moveItem(atPath: p, toPath: p + ".1")
        try runTool("/usr/bin/gzip", [p + ".1"])
        let fresh = Self.lines("y", 1...10)
        try writeFile(p, Self.text(fresh))
        let again = TailHarness(cfg)
        try await again.waitLines(50)
        try await again.stop()
        #expect(again.texts.sorted() == (unread + fresh).sorted())
        let gz = again.lines.filter { $0.path.hasSuffix(".gz") }
        #expect(gz.first?.position == Int64(Self.text(before + [unread[0]]).utf8.count))
    }

    @Test func copytruncateCopyMatchedByTheGlobIsNotReadTwice() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let p = dir.file("app.log")
        let cfg = TailSourceTests.config([dir.file("app.log*")], head: true)
        let old = Self.lines("c", 1...60)
        try writeFile(p, Self.text(old))
        let h = TailHarness(cfg)
        try await h.waitLines(60)
        try FileManager.default.copyItem(atPath: p, toPath: p + ".1")
        #expect(truncate(p, 0) == 0)
        let fresh = Self.lines("d", 1...5)
        try append(p, Self.text(fresh))
        try await h.waitLines(65)
        try await waitUntil("copy followed") { h.metric("faultmaven_source_files_watched") == 2 }
        try append(p + ".1", "appended to the copy\n")
        try await h.waitLines(66)
        try await h.stop()
        #expect(h.texts.sorted() == (old + fresh + ["appended to the copy"]).sorted())
    }

    @Test func inodeReusedByAnotherFileAfterRestartIsReadFromItsHead() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let p = dir.file("app.log")
        let pos = dir.file("app.pos")
        let cfg = TailSourceTests.config([p], head: true, pos: pos)
        try writeFile(p, Self.text(Self.lines("old", 1...20)))
        let h = TailHarness(cfg)
        try await h.waitLines(20)
        try await h.stop()
        // Same inode, other content, longer than the checkpoint: only the head tells.
        let replacement = Self.lines("new", 1...40)
        let fd = open(p, O_WRONLY | O_TRUNC)
        #expect(fd >= 0)
        let bytes = Array(Self.text(replacement).utf8)
        #expect(bytes.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) } == bytes.count)
        close(fd)
        let again = TailHarness(cfg)
        try await again.waitLines(40)
        try await again.stop()
        #expect(again.texts == replacement)
        #expect(again.metric("faultmaven_source_truncations_total") == 1)
        #expect(again.lines.first?.streamID.hasSuffix(":1") == true)
    }
}
