import Foundation
import Testing

import Glibc

@testable import LogIngest

@Suite(.serialized) struct TailRotationTests {
    @Test func renameRotationDeliversEveryLineOnceInOrder() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let p = dir.file("app.log")
        try writeFile(p, "old1\nold2\n")
        let h = TailHarness(TailSourceTests.config([p], head: true))
        try await h.waitLines(2)
        try FileManager.default.moveItem(atPath: p, toPath: p + ".1")
        try append(p + ".1", "old3\n")  // a writer still holding the old file
        try writeFile(p, "new1\n")
        try append(p + ".1", "old4\n")
        try append(p, "new2\n")
        try await h.waitLines(6)
        try await waitUntil("rotation counted") { h.metric("faultmaven_source_rotations_total") == 1 }
        try await h.stop()
        let texts = h.texts
        #expect(texts.count == 6)
        #expect(texts.filter { $0.hasPrefix("old") } == ["old1", "old2", "old3", "old4"])
        #expect(texts.filter { $0.hasPrefix("new") } == ["new1", "new2"])
        let newNumbers = h.lines.filter { $0.text.hasPrefix("new") }.map(\.number)
        #expect(newNumbers == [1, 2])
        #expect(h.metric("faultmaven_source_truncations_total") == 0)
    }

    @Test func copyTruncateRestartsFromTheHead() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let p = dir.file("app.log")
        try writeFile(p, "first line here\nsecond line here\n")
        let h = TailHarness(TailSourceTests.config([p], head: true))
        try await h.waitLines(2)
        try FileManager.default.copyItem(atPath: p, toPath: p + ".1")
        #expect(truncate(p, 0) == 0)
        try append(p, "after\n")
        try await h.waitLines(3)
        try await h.stop()
        #expect(h.texts == ["first line here", "second line here", "after"])
        #expect(h.lines.last?.number == 1)
        #expect(h.metric("faultmaven_source_truncations_total") == 1)
        #expect(h.metric("faultmaven_source_rotations_total") == 0)
    }

    @Test func truncateAndRewritePastTheOldOffsetIsDetected() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let p = dir.file("app.log")
        try writeFile(p, "aaaa\nbbbb\n")
        // Polling only, slowly: the rewrite below lands between two polls.
        var cfg = TailSourceTests.config([p], head: true, inotify: false)
        cfg.pollInterval = 1
        let h = TailHarness(cfg)
        try await h.waitLines(2)
        let fd = open(p, O_WRONLY | O_TRUNC)
        #expect(fd >= 0)
        let text = "rewritten one\nrewritten two\nrewritten three\n"
        _ = text.withCString { write(fd, $0, strlen($0)) }
        close(fd)
        try await h.waitLines(5)
        try await h.stop()
        #expect(h.texts == ["aaaa", "bbbb", "rewritten one", "rewritten two", "rewritten three"])
        #expect(h.metric("faultmaven_source_truncations_total") == 1)
    }

    @Test func repeatedRotationsUnderAWriterLoseAndRepeatNothing() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let p = dir.file("busy.log")
        try writeFile(p, "")
        let h = TailHarness(TailSourceTests.config([p]))
        try await h.waitWatching(1)
        var expected: [String] = []
        for gen in 0..<4 {
            for block in 0..<10 {
                let lines = (0..<50).map { "g\(gen)-\(block * 50 + $0)" }
                try append(p, lines.map { $0 + "\n" }.joined())
                expected += lines
            }
            guard gen < 3 else { break }
            try FileManager.default.moveItem(atPath: p, toPath: p + ".\(gen + 1)")
            try append(p + ".\(gen + 1)", "g\(gen)-late\n")
            expected.append("g\(gen)-late")
            try writeFile(p, "")
            try await waitUntil("generation \(gen + 1) followed") { h.metric("faultmaven_source_files_watched") == Double(gen + 2) }
        }
        try await h.waitLines(expected.count)
        try await h.stop()
        #expect(h.lines.count == expected.count)
        #expect(h.texts.sorted() == expected.sorted())
        for gen in 0..<4 {
            let mine = h.texts.filter { $0.hasPrefix("g\(gen)-") && !$0.hasSuffix("late") }
            #expect(mine == (0..<500).map { "g\(gen)-\($0)" })
        }
        #expect(h.metric("faultmaven_source_rotations_total") == 3)
    }
}
