import FaultMavenCore
import Testing

@testable import LogIngest

/// Framing in place (`frame(continuing:carried:)`, the carried partial line moved to the front of
/// each chunk) gives exactly the lines, flags, offsets and counters of `frame(_:_:)`.
@Suite struct LineSplitterInPlaceTests {
    private struct Framed: Equatable {
        var bytes: [UInt8]
        var truncated: Bool
        var invalid: Bool
        var end: Int64
    }

    /// A random stream of lines: ASCII, multi-byte characters, invalid bytes, `\r\n`, empty and
    /// too-long lines, sometimes without a final newline.
    private func stream(_ rng: inout SplitMix64, max: Int) -> [UInt8] {
        var out: [UInt8] = []
        for _ in 0..<rng.next(in: 0...40) {
            let length = rng.next(below: 8) == 0 ? rng.next(in: Swift.max(0, max - 2)...3 * max) : rng.next(in: 0...max / 2)
            for _ in 0..<length {
                switch rng.next(below: 20) {
                case 0: out += Array("é".utf8)
                case 1: out += Array("€".utf8)
                case 2: out.append(0xFF)
                case 3: out.append(0x0D)
                default: out.append(UInt8(0x61 + rng.next(below: 26)))
                }
            }
            if rng.next(below: 3) == 0 { out.append(0x0D) }
            out.append(0x0A)
        }
        for _ in 0..<rng.next(below: 4) { out.append(UInt8(0x61 + rng.next(below: 26))) }
        return out
    }

    private func cuts(_ n: Int, _ rng: inout SplitMix64) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var at = 0
        while at < n {
            let next = min(n, at + rng.next(in: 1...40))
            ranges.append(at..<next)
            at = next
        }
        return ranges
    }

    @Test(arguments: 0..<300) func inPlaceFramingMatchesCarriedFraming(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed) &* 0x9E37_79B9 &+ 1)
        let max = rng.next(in: 1...24)
        let bytes = stream(&rng, max: max)
        let chunks = cuts(bytes.count, &rng)

        var reference = LineSplitter(maxLineBytes: max, startOffset: 7)
        var expected: [Framed] = []
        for r in chunks {
            Array(bytes[r]).withUnsafeBytes { raw in
                reference.frame(raw) { expected.append(Framed(bytes: Array($0.bytes), truncated: $0.truncated, invalid: $0.invalidUTF8, end: $0.endOffset)) }
            }
        }
        reference.finish { expected.append(Framed(bytes: Array($0.bytes), truncated: $0.truncated, invalid: $0.invalidUTF8, end: $0.endOffset)) }

        var splitter = LineSplitter(maxLineBytes: max, startOffset: 7)
        var got: [Framed] = []
        for r in chunks {
            let carried = splitter.movablePending
            #expect(carried <= max + 1)
            var chunk = [UInt8](repeating: 0, count: carried)
            chunk.withUnsafeMutableBytes { #expect(splitter.copyPending(to: $0) == carried) }
            chunk += bytes[r]
            chunk.withUnsafeBytes { raw in
                splitter.frame(continuing: raw, carried: carried) { line in
                    let inChunk = line.bytes.baseAddress.map { raw.baseAddress!.distance(to: $0) >= 0 && raw.baseAddress!.distance(to: $0) + line.bytes.count <= raw.count } ?? true
                    #expect(inChunk || line.truncated, "only a line cut across chunks is handed from the splitter's copy")
                    got.append(Framed(bytes: Array(line.bytes), truncated: line.truncated, invalid: line.invalidUTF8, end: line.endOffset))
                }
            }
            #expect(splitter.offset == reference.offset || r != chunks.last)
        }
        splitter.finish { got.append(Framed(bytes: Array($0.bytes), truncated: $0.truncated, invalid: $0.invalidUTF8, end: $0.endOffset)) }

        #expect(got == expected)
        #expect(splitter.stats == reference.stats)
        #expect(splitter.offset == 7 + Int64(bytes.count))
    }

    @Test func anOverflowedLineStaysWithTheSplitterAndIsNotMoved() {
        var s = LineSplitter(maxLineBytes: 4)
        Array("abcdefgh".utf8).withUnsafeBytes { s.frame(continuing: $0, carried: 0) { _ in Issue.record("no line yet") } }
        #expect(s.movablePending == 0, "the line already exceeded the limit: its kept bytes stay in the splitter")
        #expect(s.pendingBytes == 5)
        var lines: [String] = []
        Array("ij\nkl".utf8).withUnsafeBytes { s.frame(continuing: $0, carried: 0) { lines.append(String(decoding: $0.bytes, as: UTF8.self)) } }
        #expect(lines == ["abcd"])
        #expect(s.movablePending == 2)
        #expect(s.stats.truncatedLines == 1 && s.stats.bytes == 13 && s.offset == 13)
    }
}
