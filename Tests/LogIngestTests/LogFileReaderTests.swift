import FaultMavenCore
import Foundation
import Testing

@testable import LogIngest

@Suite struct LogFileReaderTests {
    private func readAll(_ path: String, batch: Int = 512) throws -> (lines: [RawLine], batches: [Int], stats: FileReadStats) {
        var lines: [RawLine] = []
        var batches: [Int] = []
        let stats = try LogFileReader.read(path: path, maxLineBytes: 4096, batchLines: batch) { b in
            batches.append(b.count)
            lines.append(contentsOf: b)
        }
        return (lines, batches, stats)
    }

    private func expectError(_ message: String, _ body: () throws -> Void) {
        do {
            try body()
            Issue.record("expected error \(message)")
        } catch let e as FaultMavenError {
            #expect(e == .badInput(message))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func plainFileInBatchesWithLineNumbers() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let p = dir.file("a.log")
        try writeFile(p, "l1\nl2\r\nl3\nl4\nl5")
        let r = try readAll(p, batch: 2)
        #expect(r.batches == [2, 2, 1])
        #expect(r.lines.map(\.text) == ["l1", "l2", "l3", "l4", "l5"])
        #expect(r.lines.map(\.number) == [1, 2, 3, 4, 5])
        #expect(r.lines.allSatisfy { $0.source == p && $0.path == p })
        #expect(r.stats.format == .plain && r.stats.lines == 5 && r.stats.bytes == 15)
    }

    @Test func gzipWithConcatenatedMembers() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try writeFile(dir.file("a"), "first\nsecond\n")
        try writeFile(dir.file("b"), "third\n")
        try runTool("/usr/bin/gzip", ["-k", dir.file("a"), dir.file("b")])
        let joined = try Data(contentsOf: URL(fileURLWithPath: dir.file("a.gz"))) + Data(contentsOf: URL(fileURLWithPath: dir.file("b.gz")))
        try joined.write(to: URL(fileURLWithPath: dir.file("ab.log.gz")))
        let r = try readAll(dir.file("ab.log.gz"))
        #expect(r.lines.map(\.text) == ["first", "second", "third"])
        #expect(r.stats.format == .gzip)
        #expect(r.stats.rawBytes == Int64(joined.count))
    }

    @Test func largeCompressedFilesRoundTrip() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let count = 200_000
        var text = ""
        for i in 1...count { text += "2024-01-01T00:00:00Z INFO request \(i) served in \(i % 97) ms\n" }
        try writeFile(dir.file("big.log"), text)
        try runTool("/usr/bin/gzip", ["-k", dir.file("big.log")])
        try runTool("/usr/bin/zstd", ["-q", "-k", dir.file("big.log")])
        for name in ["big.log.gz", "big.log.zst"] {
            let r = try readAll(dir.file(name))
            #expect(r.lines.count == count, "\(name)")
            #expect(r.lines.last?.text == "2024-01-01T00:00:00Z INFO request \(count) served in \(count % 97) ms")
            #expect(r.lines.last?.number == count)
            #expect(r.stats.bytes == Int64(text.utf8.count))
        }
    }

    @Test func zstdWithConcatenatedFramesAndSniffedByMagic() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try writeFile(dir.file("a"), "alpha\n")
        try writeFile(dir.file("b"), "beta\ngamma")
        try runTool("/usr/bin/zstd", ["-q", "-k", dir.file("a"), dir.file("b")])
        let joined = try Data(contentsOf: URL(fileURLWithPath: dir.file("a.zst"))) + Data(contentsOf: URL(fileURLWithPath: dir.file("b.zst")))
        // No .zst extension: the magic bytes decide.
        try joined.write(to: URL(fileURLWithPath: dir.file("ab.log")))
        let r = try readAll(dir.file("ab.log"))
        #expect(r.lines.map(\.text) == ["alpha", "beta", "gamma"])
        #expect(r.stats.format == .zstd)
    }

    @Test func truncatedCompressedFilesAreErrorsNamingTheFile() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        var text = ""
        for i in 0..<5000 { text += "line \(i) with some payload to compress\n" }
        try writeFile(dir.file("t"), text)
        try runTool("/usr/bin/zstd", ["-q", "-k", dir.file("t")])
        try runTool("/usr/bin/gzip", ["-k", dir.file("t")])
        for (name, kind) in [("t.zst", "zstd"), ("t.gz", "gzip")] {
            let full = try Data(contentsOf: URL(fileURLWithPath: dir.file(name)))
            let cut = dir.file("cut-" + name)
            try full.prefix(full.count / 2).write(to: URL(fileURLWithPath: cut))
            expectError("\(cut): truncated \(kind) file (unexpected end of data)") { _ = try readAll(cut) }
        }
    }

    @Test func binaryMissingAndMislabelledFilesAreRefused() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let bin = dir.file("x.log")
        try writeBytes(bin, Array("header\n".utf8) + [0, 1, 2, 3] + Array("\n".utf8))
        expectError("\(bin): binary file, skipped") { _ = try readAll(bin) }

        let missing = dir.file("missing.log")
        expectError("\(missing): No such file or directory") { _ = try readAll(missing) }
        expectError("\(dir.path): Is a directory") { _ = try readAll(dir.path) }

        let fake = dir.file("plain.gz")
        try writeFile(fake, "not compressed\n")
        expectError("\(fake): not in gzip format") { _ = try readAll(fake) }
    }

    @Test func errorsFromTheBodyStopReading() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try writeFile(dir.file("a.log"), "1\n2\n3\n4\n")
        struct Stop: Error {}
        var seen = 0
        #expect(throws: Stop.self) {
            try LogFileReader.read(path: dir.file("a.log"), maxLineBytes: 100, batchLines: 1) { _ in
                seen += 1
                if seen == 2 { throw Stop() }
            }
        }
        #expect(seen == 2)
    }
}
