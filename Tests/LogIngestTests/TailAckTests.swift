import FaultMavenCore
import Foundation
import Testing

@testable import LogIngest

@Suite(.serialized) struct TailAckTests {
    /// The offset recorded for `path` in the pos_file, if any.
    static func posOffset(_ pos: String, _ path: String) -> Int64? {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: pos)) else { return nil }
        return PositionFile.parse(String(decoding: data, as: UTF8.self)).entries[path]?.offset
    }

    static func numbered(_ range: ClosedRange<Int>, prefix: String = "line") -> String {
        range.map { "\(prefix) \(String(format: "%06d", $0)) padding padding padding\n" }.joined()
    }

    @Test func linesCarryStreamIDAndPositions() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let p = dir.file("a.log")
        try writeFile(p, "ab\ncde\n")
        let h = TailHarness(TailSourceTests.config([p], head: true))
        try await h.waitLines(2)
        let st = try #require(try? FileStatus.of(path: p).get())
        try writeFile(p, "x\n")  // truncated in place (same inode): a new stream generation
        try await h.waitLines(3)
        try await h.stop()
        let id = st.identity
        #expect(h.lines.map(\.streamID) == ["\(id.device):\(id.inode):0", "\(id.device):\(id.inode):0", "\(id.device):\(id.inode):1"])
        #expect(h.lines.map(\.position) == [3, 7, 2])
    }

    @Test func posFileNeverRunsAheadOfAcknowledgedData() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let p = dir.file("a.log")
        let pos = dir.file("a.pos")
        try writeFile(p, Self.numbered(1...400))
        var cfg = TailSourceTests.config([p], head: true, pos: pos)
        cfg.batchLines = 20
        let acks = Acknowledgements()
        let h = TailHarness(cfg, acks: acks, ackDelay: .milliseconds(40))
        try await h.waitLines(1)
        let stream = try #require(h.lines.first?.streamID)
        let size = Int64(try FileManager.default.attributesOfItem(atPath: p)[.size] as! Int)
        var samples = 0
        var ahead: [(Int64, Int64)] = []
        try await waitUntil("checkpoint at the end of the file") {
            // pos_file first, then the acknowledgement (which only grows): pos <= ack must hold.
            if let offset = Self.posOffset(pos, p) {
                let acked = acks.position(of: stream) ?? 0
                samples += 1
                if offset > acked { ahead.append((offset, acked)) }
                return offset == size
            }
            return false
        }
        try await h.stop()
        #expect(ahead.isEmpty, "pos_file ahead of acknowledgements: \(ahead)")
        #expect(samples > 1)
        #expect(h.lines.count == 400)
    }

    @Test func gracefulShutdownWaitsForAcknowledgementsBeforeTheLastCheckpoint() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let p = dir.file("a.log")
        let pos = dir.file("a.pos")
        try writeFile(p, Self.numbered(1...100))
        let size = Int64(try FileManager.default.attributesOfItem(atPath: p)[.size] as! Int)
        let acks = Acknowledgements()
        let h = TailHarness(TailSourceTests.config([p], head: true, pos: pos), acks: acks)
        h.ackGate.isOpen = false  // the pipeline holds everything
        try await h.waitLines(100)
        let opener = Task {
            // Opens the gate only after the shutdown started: a source that did not wait
            // would have written its last checkpoint at offset 0 by then.
            try await Task.sleep(for: .milliseconds(300))
            h.ackGate.isOpen = true
        }
        try await h.stopGracefully()
        try await opener.value
        #expect(Self.posOffset(pos, p) == size)
        #expect(acks.position(of: h.lines[0].streamID) == size)
    }

    @Test func gracefulShutdownAcknowledgementWaitIsBounded() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let p = dir.file("a.log")
        let pos = dir.file("a.pos")
        try writeFile(p, Self.numbered(1...50))
        var cfg = TailSourceTests.config([p], head: true, pos: pos)
        cfg.shutdownAckTimeout = 0.3
        let h = TailHarness(cfg, acks: Acknowledgements())
        h.ackGate.isOpen = false  // never acknowledged before the source stops
        try await h.waitLines(50)
        try await h.stopGracefully()
        // Nothing acknowledged: the checkpoint stays where reading began.
        #expect(Self.posOffset(pos, p) == 0)
    }

    @Test func abruptStopLosesNothingAndRepeatsOnlyUnacknowledgedLines() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let p = dir.file("a.log")
        let pos = dir.file("a.pos")
        try writeFile(p, Self.numbered(1...2000))
        var cfg = TailSourceTests.config([p], head: true, pos: pos)
        cfg.batchLines = 50
        let acks1 = Acknowledgements()
        let first = TailHarness(cfg, acks: acks1, ackDelay: .milliseconds(30))
        try await first.waitLines(600)
        try await first.stop()  // cancelled: no graceful shutdown, no waiting
        let stream = try #require(first.lines.first?.streamID)
        let checkpoint = try #require(Self.posOffset(pos, p))
        // The checkpoint is an acknowledged position, never beyond it.
        #expect(checkpoint <= acks1.position(of: stream) ?? 0)
        #expect(checkpoint > 0)

        try append(p, Self.numbered(2001...2100))
        let second = TailHarness(cfg, acks: Acknowledgements())
        try await waitUntil("every line at least once") {
            Set(first.texts + second.texts).count == 2100
        }
        try await second.stop()
        let all = first.texts + second.texts
        #expect(Set(all).count == 2100)
        let repeated = Set(first.texts).intersection(second.texts)
        // Only lines past the checkpoint (not acknowledged when the source stopped) repeat.
        let firstByText = Dictionary(first.lines.map { ($0.text, $0.position) }, uniquingKeysWith: { a, _ in a })
        #expect(repeated.allSatisfy { (firstByText[$0] ?? 0) > checkpoint })
        #expect(second.lines.first?.streamID == stream)
    }
}
