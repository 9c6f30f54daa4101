import FaultMavenCore
import Foundation
import Logging
import ServiceLifecycle
import Testing

@testable import LogIngest

@Suite(.serialized) struct TailCheckpointTests {
    private func inode(_ path: String) throws -> UInt64 {
        let attrs = try FileManager.default.attributesOfItem(atPath: path)
        return (attrs[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
    }

    private func readPos(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    @Test func restartResumesFromThePosFileWithoutGapsOrDuplicates() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let p = dir.file("a.log")
        let pos = dir.file("a.pos")
        try writeFile(p, "l1\nl2\nl3\npart")
        let first = TailHarness(TailSourceTests.config([p], head: true, pos: pos))
        try await first.waitLines(3)
        // Written within about a second of the lines being accepted.
        try await waitUntil("checkpoint at offset 9") { (try? readPos(pos))?.contains("\t0000000000000009\t") == true }
        try await first.stop()
        #expect(try readPos(pos) == "\(p)\t0000000000000009\t\(PositionFile.hex16(try inode(p)))\n")
        #expect(first.metric("faultmaven_checkpoint_writes_total") >= 1)

        try append(p, "ial\nl5\n")  // written while the agent is down
        let second = TailHarness(TailSourceTests.config([p], head: false, pos: pos))
        try await second.waitLines(2)
        try append(p, "l6\n")
        try await second.waitLines(3)
        try await second.stop()
        #expect(first.texts + second.texts == ["l1", "l2", "l3", "partial", "l5", "l6"])
        #expect(second.lines.map(\.number) == [1, 2, 3])
        #expect(try readPos(pos).contains("\t\(PositionFile.hex16(23))\t"))
    }

    @Test func checkpointBeyondTheFileSizeRereadsFromTheHead() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let p = dir.file("a.log")
        let q = dir.file("b.log")
        let pos = dir.file("x.pos")
        try writeFile(p, "p1\np2\n")
        try writeFile(q, "q1\n")
        try writeFile(pos, """
            \(p)\t0000000000001000\t\(PositionFile.hex16(try inode(p)))
            \(q)\t0000000000000000\t\(PositionFile.hex16(try inode(q) &+ 12345))
            /gone.log\tffffffffffffffff\t0000000000000001
            garbage line

            """)
        let h = TailHarness(TailSourceTests.config([p, q], pos: pos))
        try await h.waitLines(3)
        try await h.stop()
        #expect(h.texts.sorted() == ["p1", "p2", "q1"])
        #expect(h.metric("faultmaven_source_truncations_total") == 2)
        let saved = try readPos(pos)
        #expect(saved.contains("\(p)\t0000000000000006\t"))
        #expect(!saved.contains("/gone.log"))
    }

    @Test func posFileFormatMatchesFluentd() {
        let text = "/var/log/a.log\t00000000000004d2\t0000000000a1b2c3\n/b\tffffffffffffffff\t0000000000000002\nbad\n"
        let (entries, skipped) = PositionFile.parse(text)
        #expect(entries == ["/var/log/a.log": .init(offset: 1234, inode: 0xa1b2c3)])
        #expect(skipped == 1)
        #expect(PositionFile.render(entries) == "/var/log/a.log\t00000000000004d2\t0000000000a1b2c3\n")
    }

    @Test func gracefulShutdownSendsPendingLinesAndSavesCheckpoints() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let p = dir.file("a.log")
        let pos = dir.file("a.pos")
        try writeFile(p, "g1\ng2\n")
        let channel = BoundedChannel<LineBatch>(capacity: 64)
        let registry = MetricsRegistry()
        let source = TailSource(config: TailSourceTests.config([p], head: true, pos: pos), output: channel, metrics: registry, logger: quietLogger)
        let group = ServiceGroup(services: [source], logger: quietLogger)
        let running = Task { try await group.run() }
        let box = LineBox()
        let consumer = Task { for await b in channel { box.lines.withLock { $0.append(contentsOf: b) } } }
        try await waitUntil("2 lines") { box.lines.withLock { $0.count } == 2 }
        await group.triggerGracefulShutdown()
        try await running.value
        channel.finish()
        await consumer.value
        #expect(try readPos(pos).hasPrefix("\(p)\t0000000000000006\t"))
        #expect(registry.value("faultmaven_source_lines_total", [p]) == 2)
    }
}
