import FaultMavenCore
import Foundation
import Synchronization
import Testing

import Glibc

@testable import LogIngest

/// Appends numbered lines to `path`, rotating every `rotateEvery` lines, alternately by rename
/// (new file created) and by copytruncate, and compressing the previous rotated file with
/// gzip (logrotate's `delaycompress`).
final class RotatingWriter: Sendable {
    let path: String
    let total: Int
    let rotateEvery: Int
    let written = Atomic<Int>(0)

    init(path: String, total: Int, rotateEvery: Int) {
        self.path = path
        self.total = total
        self.rotateEvery = rotateEvery
    }

    static func line(_ n: Int) -> String { "n=\(String(format: "%08d", n)) the quick brown fox jumps over the lazy dog" }

    func run() throws {
        var fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        var rotation = 0
        for n in 1...total {
            let bytes = Array((RotatingWriter.line(n) + "\n").utf8)
            _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
            written.store(n, ordering: .releasing)
            if n % 25 == 0 { usleep(2000) }
            guard n % rotateEvery == 0 else { continue }
            rotation += 1
            let rotated = path + ".\(rotation)"
            if rotation % 2 == 1 {
                rename(path, rotated)
                close(fd)
                fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
            } else {
                try FileManager.default.copyItem(atPath: path, toPath: rotated)
                ftruncate(fd, 0)
            }
            if rotation >= 2 { try runTool("/usr/bin/gzip", [path + ".\(rotation - 1)"]) }
        }
        close(fd)
    }
}

@Suite(.serialized) struct TailTortureTests {
    /// Lines received by `h` that were not acknowledged in `snapshot` (taken before the stop):
    /// the most that may legitimately be delivered again after an abrupt stop.
    static func unacknowledged(_ h: TailHarness, _ snapshot: [String: Int64]) -> Int {
        h.lines.filter { $0.position > (snapshot[$0.streamID] ?? 0) }.count
    }

    static func snapshot(_ h: TailHarness, _ acks: Acknowledgements) -> [String: Int64] {
        var out: [String: Int64] = [:]
        for id in Set(h.lines.map(\.streamID)) { out[id] = acks.position(of: id) ?? 0 }
        return out
    }

    @Test func rotationCopytruncateCompressionAndAbruptRestartsLoseNothing() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let p = dir.file("app.log")
        let pos = dir.file("app.pos")
        try writeFile(p, "")
        var cfg = TailSourceTests.config([dir.file("app.log*")], head: true, pos: pos)
        cfg.batchLines = 100
        let total = 24_000
        let writer = RotatingWriter(path: p, total: total, rotateEvery: 2_500)
        let writing = Task.detached { try writer.run() }

        var runs: [TailHarness] = []
        var bound = 0
        func received() -> Set<String> { Set(runs.flatMap(\.texts)) }
        // Two abrupt stops (task cancelled, no graceful shutdown), each restarted on the same pos_file.
        for target in [total * 3 / 10, total * 6 / 10] {
            let acks = Acknowledgements()
            let h = TailHarness(cfg, acks: acks, ackDelay: .milliseconds(15))
            runs.append(h)
            try await waitUntil("writer at line \(target)", seconds: 120) { writer.written.load(ordering: .acquiring) >= target }
            try await waitUntil("lines received", seconds: 120) { h.lines.count > 0 }
            let snap = Self.snapshot(h, acks)
            try await h.stop()
            bound += Self.unacknowledged(h, snap)
        }
        let last = TailHarness(cfg, acks: Acknowledgements(), ackDelay: .milliseconds(15))
        runs.append(last)
        try await writing.value
        try await waitUntil("all \(total) lines", seconds: 180) { received().count >= total }
        try await last.stopGracefully()

        let all = runs.flatMap(\.texts)
        let expected = Set((1...total).map(RotatingWriter.line))
        let missing = expected.subtracting(all)
        #expect(missing.isEmpty, "missing \(missing.count) lines, e.g. \(missing.sorted().prefix(3))")
        #expect(Set(all).subtracting(expected).isEmpty)
        let duplicates = all.count - Set(all).count
        print("torture: \(total) lines, \(duplicates) duplicates (bound: \(bound) unacknowledged at abrupt stops)")
        #expect(duplicates <= bound)

        // A graceful restart repeats nothing.
        let after = TailHarness(cfg, acks: Acknowledgements())
        try await waitUntil("following") { after.metric("faultmaven_source_files_watched") >= 1 }
        try append(p, "sentinel\n")
        try await after.waitLines(1)
        try await after.stopGracefully()
        #expect(after.texts == ["sentinel"])
    }
}
