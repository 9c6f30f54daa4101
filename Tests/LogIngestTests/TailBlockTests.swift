import FaultMavenCore
import Foundation
import Testing

@testable import LogIngest

/// The tail source sends lines as blocks: one origin per block, consecutive numbers, each line's
/// position the byte offset after it, batches never larger than `batch_lines`.
@Suite(.serialized) struct TailBlockTests {
    @Test func linesArriveAsBlocksWithPositionsAndNumbers() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let a = dir.file("a.log")
        let b = dir.file("b.log")
        let aLines = (1...7).map { "a line \($0) " + String(repeating: "x", count: $0) }
        try writeFile(a, aLines.map { $0 + "\n" }.joined())
        try writeFile(b, "b1\r\nb2 caf\u{E9}\r\n")
        var cfg = TailSourceTests.config([a, b], head: true)
        cfg.batchLines = 3
        let channel = BoundedChannel<LineBatch>(capacity: 64)
        let source = TailSource(config: cfg, output: channel, metrics: MetricsRegistry(), logger: quietLogger)
        let run = Task { try await source.run() }
        var blocks: [LineBlock] = []
        var total = 0
        while total < 9, let batch = await channel.receive() {
            #expect(batch.count <= 3)
            #expect(batch.rawLines.isEmpty, "file lines travel as blocks")
            blocks += batch.blocks
            total += batch.count
        }
        run.cancel()
        try await run.value

        let ofA = blocks.filter { $0.origin.path == a }
        let ofB = blocks.filter { $0.origin.path == b }
        #expect(ofA.flatMap { $0.map(\.text) } == aLines)
        #expect(ofA.flatMap { $0.map(\.number) } == Array(1...7))
        var end: Int64 = 0
        let expectedPositions = aLines.map { line -> Int64 in
            end += Int64(line.utf8.count + 1)
            return end
        }
        #expect(ofA.flatMap(\.positions) == expectedPositions)
        #expect(Set(ofA.map(\.origin.streamID)).count == 1)
        #expect(ofB.flatMap { $0.map(\.text) } == ["b1", "b2 caf\u{E9}"])
        #expect(ofB.flatMap(\.positions) == [4, 14])
        for block in blocks {
            #expect(block.origin.tag == "app" && block.origin.source == cfg.sourceID)
        }
    }
}
