import CLineScan
import FaultMavenCore
import Testing

@testable import LogIngest

/// The one-pass scanner (newlines and high bytes, eight bytes at a time) and the framing built
/// on it, against byte-by-byte references on seeded random bytes: invalid UTF-8, NULs, `\r`,
/// empty and long lines, every alignment of the chunk's start and end.
@Suite struct NewlineScannerTests {
    private struct Newline: Equatable {
        var at: Int
        var high: Bool
    }

    /// Random bytes weighted towards what breaks framing: newlines, `\r`, NUL, high bytes (parts
    /// of valid characters and invalid ones), runs without newline longer than `longest`. With
    /// `mostlyASCII`, high bytes are rare (as in most logs), so that long runs of full ASCII
    /// blocks take the framing's fast path.
    private func randomBytes(_ rng: inout SplitMix64, count: Int, longest: Int, mostlyASCII: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(count)
        while out.count < count {
            var choice = rng.next(below: 16)
            if mostlyASCII && (3...5).contains(choice) && rng.next(below: 100) != 0 { choice = 15 }
            switch choice {
            case 0: out.append(0x0A)
            case 1: out.append(0x0D)
            case 2: out.append(0x00)
            case 3: out += [0xC3, 0xA9]
            case 4: out += [0xE2, 0x82, 0xAC]
            case 5: out.append(UInt8(0x80 + rng.next(below: 128)))
            case 6: out += [UInt8](repeating: UInt8(0x61 + rng.next(below: 26)), count: rng.next(in: 0...2 * longest))
            case 7: out += [0x0D, 0x0A]
            default: out.append(UInt8(0x20 + rng.next(below: 95)))
            }
        }
        return Array(out.prefix(count))
    }

    private func reference(_ chunk: [UInt8], scanFrom: Int) -> [Newline] {
        var out: [Newline] = []
        var lineStart = 0
        for i in scanFrom..<chunk.count where chunk[i] == 0x0A {
            out.append(Newline(at: i, high: chunk[lineStart..<i].contains { $0 >= 0x80 }))
            lineStart = i + 1
        }
        return out
    }

    private func scan(_ chunk: [UInt8], scanFrom: Int) -> [Newline] {
        chunk.withUnsafeBytes { raw in
            var scanner = NewlineScanner(raw, scanFrom: scanFrom)
            var out: [Newline] = []
            while let at = scanner.nextNewline() { out.append(Newline(at: at, high: scanner.lineHasHighByte)) }
            #expect(scanner.nextNewline() == nil, "a finished scan stays finished")
            return out
        }
    }

    @Test(arguments: 0..<200) func scannerMatchesAByteByByteScan(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed) &* 0x2545_F491 &+ 3)
        let bytes = randomBytes(&rng, count: rng.next(in: 0...300), longest: 20)
        // Every start offset and length within the first bytes, so every word alignment is hit.
        for offset in 0..<min(9, bytes.count + 1) {
            let chunk = Array(bytes[offset...])
            let scanFrom = chunk.isEmpty ? 0 : rng.next(in: 0...min(chunk.count, 12))
            #expect(scan(chunk, scanFrom: scanFrom) == reference(chunk, scanFrom: scanFrom), "seed \(seed) offset \(offset) from \(scanFrom)")
        }
    }

    @Test func aHighByteInAnyPositionIsSeenInItsOwnLineOnly() {
        for length in 1...20 {
            for at in 0..<length {
                for newline in 0..<length where newline != at {
                    var chunk = [UInt8](repeating: 0x61, count: length)
                    chunk[at] = 0xFF
                    chunk[newline] = 0x0A
                    #expect(scan(chunk, scanFrom: 0) == reference(chunk, scanFrom: 0), "length \(length) high \(at) newline \(newline)")
                }
            }
        }
    }

    @Test func highBytesBeforeTheScanStartCountForTheFirstLine() {
        let chunk: [UInt8] = [0xC3, 0xA9, 0x0A, 0x61, 0x0A]
        #expect(scan(chunk, scanFrom: 2) == [Newline(at: 2, high: true), Newline(at: 4, high: false)])
        // A newline before the scan start is part of the carried bytes, never a line end.
        #expect(scan([0x0A, 0x61, 0x0A], scanFrom: 1) == [Newline(at: 2, high: false)])
    }

    // MARK: - Framing against a simple reference

    private struct Framed: Equatable {
        var bytes: [UInt8]
        var truncated: Bool
        var invalid: Bool
        var end: Int64
    }

    /// Framing spelled out on the whole stream: split at `\n`, strip one `\r` (unless the line
    /// exceeded `max + 1` bytes), cut to `max` bytes at a character boundary, flag invalid UTF-8.
    private func referenceFraming(_ stream: [UInt8], max: Int) -> [Framed] {
        var out: [Framed] = []
        var start = 0
        func emit(_ line: ArraySlice<UInt8>, end: Int) {
            var n = line.count
            if n > 0 && n <= max + 1 && line.last == 0x0D { n -= 1 }
            var kept = Array(line.prefix(n))
            let truncated = n > max
            if truncated { kept = kept.withUnsafeBytes { Array(kept.prefix(LineSplitter.characterBoundary($0, atMost: max))) } }
            let valid = Array(String(decoding: kept, as: UTF8.self).utf8) == kept
            out.append(Framed(bytes: kept, truncated: truncated, invalid: !valid, end: Int64(end)))
        }
        for (i, b) in stream.enumerated() where b == 0x0A {
            emit(stream[start..<i], end: i + 1)
            start = i + 1
        }
        if start < stream.count { emit(stream[start...], end: stream.count) }
        return out
    }

    @Test(arguments: 0..<200) func inPlaceFramingMatchesTheReference(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed) &* 0x9E37_79B9 &+ 11)
        let max = rng.next(in: 1...64)
        let stream = randomBytes(&rng, count: rng.next(in: 0...2_000), longest: 2 * max)
        var splitter = LineSplitter(maxLineBytes: max)
        var got: [Framed] = []
        var at = 0
        while at < stream.count {
            let next = min(stream.count, at + rng.next(in: 1...200))
            let carried = splitter.movablePending
            var chunk = [UInt8](repeating: 0, count: carried)
            chunk.withUnsafeMutableBytes { _ = splitter.copyPending(to: $0) }
            chunk += stream[at..<next]
            chunk.withUnsafeBytes { raw in
                splitter.frame(continuing: raw, carried: carried) {
                    got.append(Framed(bytes: Array($0.bytes), truncated: $0.truncated, invalid: $0.invalidUTF8, end: $0.endOffset))
                }
            }
            at = next
        }
        splitter.finish { got.append(Framed(bytes: Array($0.bytes), truncated: $0.truncated, invalid: $0.invalidUTF8, end: $0.endOffset)) }

        expectReference(got, splitter: splitter, stream: stream, max: max, seed: seed)
    }

    /// The table path: lines recorded as bounds in the chunk, the others handed as spans (and
    /// recorded by the caller in order) give the reference's lines, flags and offsets.
    @Test(arguments: 0..<200) func tableFramingMatchesTheReference(seed: Int) {
        checkTableFraming(seed: seed, mostlyASCII: false)
    }

    /// Long chunks of mostly ASCII: the 64-byte-block fast path, its fall back to the per-line
    /// scan at a block with a high byte, lines longer than the limit within it.
    @Test(arguments: 0..<100) func mostlyASCIITableFramingMatchesTheReference(seed: Int) {
        checkTableFraming(seed: seed, mostlyASCII: true)
    }

    /// The block gatherer of the fast path, both versions (the AVX2 one when this CPU has it):
    /// every newline offset of the blocks before the first block with a high byte, appended
    /// after the entries already there, and that block's index.
    @Test(arguments: 0..<100) func gatheredNewlinesMatchTheReference(seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed) &* 0x9E37_79B9 &+ 37)
        let blocks = rng.next(in: 1...40)
        var bytes = randomBytes(&rng, count: blocks * 64, longest: rng.next(in: 1...80), mostlyASCII: true)
        bytes += [UInt8](repeating: 0x20, count: blocks * 64 - bytes.count)
        let firstHigh = (0..<blocks).first { b in bytes[(b * 64)..<(b * 64 + 64)].contains { $0 >= 0x80 } } ?? blocks
        let expected = (0..<(firstHigh * 64)).filter { bytes[$0] == 0x0A }.map { Int32($0) + 1000 }
        for wide in Set([0, fm_cpu_has_avx2()]) {
            var ends = [Int32](repeating: -1, count: 3 + blocks * 64 + 4)
            var found = 3
            let done = bytes.withUnsafeBufferPointer { p in
                ends.withUnsafeMutableBufferPointer { e in fm_gather_newlines(p.baseAddress!, blocks, 1000, e.baseAddress!, &found, wide) }
            }
            #expect(done == firstHigh, "seed \(seed), wide \(wide)")
            #expect(Array(ends[3..<found]) == expected, "seed \(seed), wide \(wide)")
            #expect(ends[0..<3].allSatisfy { $0 == -1 }, "entries before *found kept")
        }
    }

    private func checkTableFraming(seed: Int, mostlyASCII: Bool) {
        var rng = SplitMix64(seed: UInt64(seed) &* 0x9E37_79B9 &+ (mostlyASCII ? 29 : 11))
        let max = rng.next(in: 1...(mostlyASCII ? 300 : 64))
        let stream = randomBytes(&rng, count: rng.next(in: 0...(mostlyASCII ? 40_000 : 2_000)), longest: 2 * max, mostlyASCII: mostlyASCII)
        let longestChunk = mostlyASCII ? 5_000 : 200
        var splitter = LineSplitter(maxLineBytes: max)
        var got: [Framed] = []
        var at = 0
        // One table for every chunk, as the tail loop keeps it: emptied (and shrunk) each time.
        var table = LineTable(capacity: 1)
        while at < stream.count {
            let next = min(stream.count, at + rng.next(in: 1...longestChunk))
            let carried = splitter.movablePending
            var chunk = [UInt8](repeating: 0, count: carried)
            chunk.withUnsafeMutableBytes { _ = splitter.copyPending(to: $0) }
            chunk += stream[at..<next]
            table.removeAll(keepingCapacity: 2)
            var handed: [Framed] = []
            chunk.withUnsafeBytes { raw in
                splitter.frame(continuing: raw, carried: carried, into: &table) { line, table in
                    // Recorded with a negative start: the index of the handed span.
                    table.append(start: -1 - handed.count, end: 0, position: line.endOffset)
                    handed.append(Framed(bytes: Array(line.bytes), truncated: line.truncated, invalid: line.invalidUTF8, end: line.endOffset))
                }
            }
            let (bounds, positions) = table.arrays()
            for (b, end) in zip(bounds, positions) {
                if b.start < 0 {
                    got.append(handed[-1 - b.start])
                } else {
                    got.append(Framed(bytes: Array(chunk[b.start..<b.end]), truncated: false, invalid: false, end: end))
                }
            }
            at = next
        }
        splitter.finish { got.append(Framed(bytes: Array($0.bytes), truncated: $0.truncated, invalid: $0.invalidUTF8, end: $0.endOffset)) }

        expectReference(got, splitter: splitter, stream: stream, max: max, seed: seed)
    }

    /// `got` (framed by `splitter` from `stream`) is the reference framing, with the same counts.
    private func expectReference(_ got: [Framed], splitter: LineSplitter, stream: [UInt8], max: Int, seed: Int) {
        let expected = referenceFraming(stream, max: max)
        #expect(got == expected, "seed \(seed), max \(max)")
        #expect(splitter.stats.lines == expected.count)
        #expect(splitter.stats.truncatedLines == expected.filter(\.truncated).count)
        #expect(splitter.stats.invalidUTF8Lines == expected.filter(\.invalid).count)
        #expect(splitter.offset == Int64(stream.count))
    }
}
