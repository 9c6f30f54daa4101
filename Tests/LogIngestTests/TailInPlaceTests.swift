import FaultMavenCore
import Foundation
import Testing

@testable import LogIngest

/// The tail source reads into its blocks' buffers: lines that cross reads, lines cut at
/// `max_line_size` across reads, invalid UTF-8 and `\r\n` keep their text, positions and counters.
@Suite(.serialized) struct TailInPlaceTests {
    @Test func linesAcrossReadsTooLongAndInvalidKeepTextPositionsAndCounts() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let p = dir.file("a.log")
        let read = TailLoop.readBufferBytes
        var expected: [String] = []
        var bytes: [UInt8] = []
        var positions: [Int64] = []
        func add(_ raw: [UInt8], text: String) {
            bytes += raw
            positions.append(Int64(bytes.count))
            expected.append(text)
        }
        // Fill up to a few bytes before the first read's end, then a line that crosses it.
        let filler = String(repeating: "f", count: 99)
        while bytes.count + 100 < read - 10 { add(Array((filler + "\n").utf8), text: filler) }
        let across = "across-" + String(repeating: "é", count: 100)
        add(Array((across + "\r\n").utf8), text: across)
        #expect(bytes.count > read, "the line crosses the first read's end")
        let bad = Array("bad \u{FF}\u{FE} bytes".utf8).map { $0 == 0xC3 ? 0xFF : $0 }
        add(bad + [0x0A], text: String(decoding: bad, as: UTF8.self))
        // Longer than max_line_size (1000) and than two reads: cut, the rest dropped.
        let long = String(repeating: "L", count: 2 * read + 500)
        add(Array((long + "\n").utf8), text: String(long.prefix(1000)))
        // Exactly at the limit: kept whole.
        let atLimit = String(repeating: "k", count: 1000)
        add(Array((atLimit + "\n").utf8), text: atLimit)
        add(Array("last\n".utf8), text: "last")
        try writeBytes(p, bytes)

        var cfg = TailSourceTests.config([p], head: true)
        cfg.maxLineSize = 1000
        let h = TailHarness(cfg)
        try await h.waitLines(expected.count)
        try await h.stop()
        #expect(h.texts == expected)
        #expect(h.lines.map(\.position) == positions)
        #expect(h.lines.map(\.number) == Array(1...expected.count))
        #expect(h.texts.contains { $0.contains("\u{FFFD}") })
        #expect(h.metric("faultmaven_source_skipped_lines_total", [cfg.sourceID, "too_long"]) == 1)
        #expect(h.metric("faultmaven_source_skipped_lines_total", [cfg.sourceID, "invalid_utf8"]) == 1)
    }
}
