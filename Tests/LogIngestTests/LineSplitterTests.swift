import Testing

@testable import LogIngest

@Suite struct LineSplitterTests {
    private func split(_ chunks: [[UInt8]], max: Int = 1024) -> (lines: [LineSplitter.Line], last: LineSplitter.Line?, stats: LineSplitter.Stats) {
        var s = LineSplitter(maxLineBytes: max)
        var out: [LineSplitter.Line] = []
        for c in chunks { s.feed(c) { out.append($0) } }
        let last = s.finish()
        return (out, last, s.stats)
    }

    @Test func splitsOnNewlineAndStripsOneCarriageReturn() {
        let r = split([Array("a\r\nb\n\nc\rd\n\r\r\n".utf8)])
        #expect(r.lines.map(\.text) == ["a", "b", "", "c\rd", "\r"])
        #expect(r.last == nil)
        #expect(r.lines.map(\.endOffset) == [3, 5, 6, 10, 13])
        #expect(r.stats.lines == 5 && r.stats.bytes == 13)
    }

    @Test func carriageReturnAndNewlineInDifferentChunks() {
        let r = split([Array("abc\r".utf8), Array("\ndef\r".utf8), Array("\n".utf8)])
        #expect(r.lines.map(\.text) == ["abc", "def"])
    }

    @Test func multiByteCharactersSplitAcrossChunks() {
        let text = "héllo → 😀 ✓\nzweite Zeile ü\n"
        let chunks = Array(text.utf8).map { [$0] }  // one byte per chunk
        let r = split(chunks)
        #expect(r.lines.map(\.text) == ["héllo → 😀 ✓", "zweite Zeile ü"])
        #expect(r.stats.invalidUTF8Lines == 0)
    }

    @Test func invalidUTF8IsReplacedAndCounted() {
        let r = split([[0x61, 0xFF, 0x62, 0x0A, 0x6F, 0x6B, 0x0A, 0xC3, 0x0A]])
        #expect(r.lines.map(\.text) == ["a\u{FFFD}b", "ok", "\u{FFFD}"])
        #expect(r.lines.map(\.invalidUTF8) == [true, false, true])
        #expect(r.stats.invalidUTF8Lines == 2)
    }

    @Test func invalidBytesCarriedIntoAnASCIIChunkAreStillCaught() {
        // The second chunk is all ASCII (its lines skip the UTF-8 check); the carried line is not.
        let r = split([[0x61, 0xFF], [0x62, 0x0A, 0x63, 0x0A], [0xE2, 0x82], [0xAC, 0x0A]])
        #expect(r.lines.map(\.text) == ["a\u{FFFD}b", "c", "\u{20AC}"])
        #expect(r.lines.map(\.invalidUTF8) == [true, false, false])
        #expect(r.stats.invalidUTF8Lines == 1)
    }

    @Test func finalLineWithoutNewline() {
        var s = LineSplitter()
        let lines = s.lines(Array("one\ntwo\r".utf8))
        #expect(lines == ["one"])
        #expect(s.pendingBytes == 4)
        let last = s.finish()
        #expect(last?.text == "two")
        #expect(last?.endOffset == 8)
        #expect(s.finish() == nil)
    }

    @Test func tenMegabyteLineIsTruncatedWithoutBufferingIt() {
        let max = 1024
        var s = LineSplitter(maxLineBytes: max)
        var out: [LineSplitter.Line] = []
        let piece = [UInt8](repeating: UInt8(ascii: "x"), count: 64 * 1024)
        var peak = 0
        for _ in 0..<160 {  // 10 MiB
            s.feed(piece) { out.append($0) }
            peak = Swift.max(peak, s.pendingBytes)
        }
        s.feed(Array("\nnext\n".utf8)) { out.append($0) }
        #expect(peak <= max + 1)
        #expect(out.count == 2)
        #expect(out[0].text.utf8.count == max)
        #expect(out[0].truncated)
        #expect(out[0].endOffset == Int64(160 * 64 * 1024 + 1))
        #expect(out[1].text == "next" && !out[1].truncated)
        #expect(s.stats.truncatedLines == 1)
    }

    @Test func limitCountsContentNotTheCarriageReturn() {
        let r = split([Array("abc\r".utf8), Array("\nabcd\nabc".utf8)], max: 3)
        #expect(r.lines.map(\.text) == ["abc", "abc"])
        #expect(r.lines.map(\.truncated) == [false, true])
        #expect(r.last?.text == "abc" && r.last?.truncated == false)
        #expect(r.stats.truncatedLines == 1)
    }

    @Test func truncationKeepsWholeCharacters() {
        // 600 × "é" (2 bytes each); a limit of 1001 must cut before the split character.
        let line = String(repeating: "é", count: 600) + "\n"
        let r = split([Array(line.utf8)], max: 1001)
        #expect(r.lines.count == 1)
        #expect(r.lines[0].text == String(repeating: "é", count: 500))
        #expect(r.lines[0].truncated && !r.lines[0].invalidUTF8)
    }

    @Test func resetDropsPartialLineAndRestartsOffsets() {
        var s = LineSplitter(startOffset: 100)
        #expect(s.lines(Array("a\nparti".utf8)) == ["a"])
        s.reset(offset: 0)
        var ends: [Int64] = []
        s.feed(Array("new\n".utf8)) { ends.append($0.endOffset) }
        #expect(ends == [4])
        #expect(s.finish() == nil)
    }
}
