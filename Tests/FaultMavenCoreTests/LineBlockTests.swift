import Foundation
import Testing

@testable import FaultMavenCore

@Suite struct LineBlockTests {
    private let origin = LineOrigin(source: "src", path: "/var/log/a.log", tag: "app", streamID: "1:2:0")

    private func block(_ texts: [String], first: Int = 1, startPosition: Int64 = 0) -> LineBlock {
        var b = LineBlock(origin: origin, firstNumber: first, readAt: Date(timeIntervalSince1970: 100))
        var pos = startPosition
        for t in texts {
            pos += Int64(t.utf8.count + 1)
            b.append(t, position: pos)
        }
        return b
    }

    @Test func linesComeBackWithNumbersPositionsAndOrigin() {
        let b = block(["alpha", "", "γ δ", "last"], first: 7)
        #expect(b.count == 4)
        #expect(b.map(\.text) == ["alpha", "", "γ δ", "last"])
        #expect(b.map(\.number) == [7, 8, 9, 10])
        #expect(b.map(\.position) == [6, 7, 13, 18])
        #expect(b.nextNumber == 11)
        let line = b[2]
        #expect(line.origin === origin)
        #expect(line.streamID == "1:2:0" && line.path == "/var/log/a.log" && line.tag == "app")
        #expect(line.readAt == Date(timeIntervalSince1970: 100))
        #expect(b.withBytes(at: 2) { Array($0) } == Array("γ δ".utf8))
    }

    @Test func appendingRawBytesMatchesAppendingText() {
        var b = LineBlock(origin: origin, firstNumber: 1, readAt: Date())
        let bytes = Array("x=1 y=2".utf8)
        bytes.withUnsafeBytes { b.append($0, position: 8) }
        b.append("z", position: 10)
        #expect(b.map(\.text) == ["x=1 y=2", "z"])
        #expect(b.byteCount == 8)
    }

    @Test func removePrefixSplitsIntoTwoConsistentBlocks() {
        var b = block((1...10).map { "line \($0)" })
        b.reserve(bytes: 1 << 16)
        let head = b.removePrefix(4)
        #expect(head.map(\.text) == (1...4).map { "line \($0)" })
        #expect(b.map(\.text) == (5...10).map { "line \($0)" })
        #expect(head.map(\.number) == [1, 2, 3, 4])
        #expect(b.first?.number == 5)
        #expect(head.positions.last == 28)
        #expect(b.first?.position == 35)
        // The rest keeps growing where it left off.
        b.append("line 11", position: 80)
        #expect(b.last?.text == "line 11" && b.last?.number == 11)
        #expect(head.count == 4)
    }

    @Test func blockOverABufferReadsLinesBetweenGapsAndSplitsWithoutCopying() {
        // "a1\r\n" then "bb\n" then 3 bytes of unterminated tail: lines are ranges with gaps.
        let buffer = Array("a1\r\nbb\nxyz".utf8)
        var b = LineBlock(
            origin: origin, firstNumber: 3, readAt: Date(), buffer: buffer,
            lines: [.init(start: 0, end: 2), .init(start: 4, end: 6), .init(start: 7, end: 7)], positions: [104, 107, 108])
        #expect(b.map(\.text) == ["a1", "bb", ""])
        #expect(b.byteCount == 4)
        #expect(b.withBytes(at: 1) { Array($0) } == Array("bb".utf8))
        let head = b.removePrefix(1)
        #expect(head.map(\.text) == ["a1"] && head.positions == [104])
        #expect(b.map(\.text) == ["bb", ""] && b.map(\.number) == [4, 5])
        // Appending to the rest leaves the head's shared buffer as it was.
        b.append("new", position: 112)
        #expect(b.map(\.text) == ["bb", "", "new"])
        #expect(head.map(\.text) == ["a1"] && head.bytes == buffer)
    }

    @Test func batchOfBlocksIndexesAcrossBlocksAndSkipsEmptyOnes() {
        let other = LineOrigin(source: "src", path: "/var/log/b.log", tag: "app", streamID: "1:3:0")
        var b2 = LineBlock(origin: other, firstNumber: 1, readAt: Date())
        b2.append("b1", position: 3)
        b2.append("b2", position: 6)
        let empty = LineBlock(origin: other, firstNumber: 3, readAt: Date())
        let batch = LineBatch(blocks: [block(["a1", "a2", "a3"]), empty, b2])
        #expect(batch.count == 5)
        #expect(batch.blocks.count == 2)
        #expect(batch.map(\.text) == ["a1", "a2", "a3", "b1", "b2"])
        #expect(batch[3].path == "/var/log/b.log")
        var seen: [String] = []
        batch.forEachText { text, number in seen.append("\(number):\(text)") }
        #expect(seen == ["1:a1", "2:a2", "3:a3", "1:b1", "2:b2"])
        #expect(batch.lastPositions == ["1:2:0": 9, "1:3:0": 6])
    }

    @Test func batchOfValuesKeepsThemAndIgnoresStreamlessLinesForPositions() {
        var l1 = RawLine(source: "s", path: "p", tag: "t", number: 1, text: "one")
        l1.streamID = "j"
        l1.position = 5
        let l2 = RawLine(source: "s", path: "p", tag: "t", number: 2, text: "two")
        let batch = LineBatch([l1, l2])
        #expect(batch.map(\.text) == ["one", "two"])
        #expect(batch.lastPositions == ["j": 5])
        let tick: LineBatch = []
        #expect(tick.isEmpty)
    }
}
