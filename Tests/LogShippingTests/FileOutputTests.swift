import Foundation
import Testing
@testable import LogShipping

@Suite struct FileOutputTests {
    static func chunk(_ id: UInt64, _ range: ClosedRange<Int>) -> ShipChunk {
        let records = range.map { Fixtures.record($0) }
        return ShipChunk(id: id, uniqueID: ChunkHeader.newUniqueID(), tag: "app.a", records: records, bytes: records.reduce(0) { $0 + $1.byteSize })
    }

    static func seqs(_ path: String) -> [Int] {
        Harness.lines(path).compactMap { ($0["seq"] as? String).flatMap(Int.init) }
    }

    @Test func rotatesBySizeAndKeepsMaxFiles() async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let path = dir.file("out/records.log")
        let one = try await FileOutput(config: FileOutputConfig(name: "probe", path: dir.file("probe.log"))).send(Self.chunk(0, 1...5))
        let out = try FileOutput(config: FileOutputConfig(name: "file", path: path, rotateSize: one * 2 + one / 2, maxFiles: 2))
        for i in 0..<7 { _ = try await out.send(Self.chunk(UInt64(i), (i * 5 + 1)...(i * 5 + 5))) }
        await out.close()
        #expect(Self.seqs(path) == Array(31...35))
        #expect(Self.seqs(path + ".1") == Array(21...30))
        #expect(Self.seqs(path + ".2") == Array(11...20))
        #expect(!FileManager.default.fileExists(atPath: path + ".3"))
    }

    @Test func rotatesByTime() async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let path = dir.file("timed.log")
        let out = try FileOutput(config: FileOutputConfig(name: "file", path: path, rotateInterval: .milliseconds(1)))
        _ = try await out.send(Self.chunk(1, 1...3))
        let start = ContinuousClock.now
        #expect(await Fixtures.eventually { ContinuousClock.now - start > .milliseconds(2) })
        _ = try await out.send(Self.chunk(2, 4...6))
        await out.close()
        #expect(Self.seqs(path + ".1") == [1, 2, 3])
        #expect(Self.seqs(path) == [4, 5, 6])
    }

    @Test func zstdFileIsOneValidStreamOfFrames() async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let path = dir.file("records.log.zst")
        let out = try FileOutput(config: FileOutputConfig(name: "file", path: path, compress: .zstd))
        for i in 0..<3 { _ = try await out.send(Self.chunk(UInt64(i), (i * 4 + 1)...(i * 4 + 4))) }
        await out.close()
        let data = try #require(FileManager.default.contents(atPath: path))
        let objects = try Codecs.objects(try Codecs.unzstd(data))
        #expect(objects.compactMap { ($0["seq"] as? String).flatMap(Int.init) } == Array(1...12))
    }

    @Test func fileBufferIntoFileOutputEndToEnd() async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let out = try FileOutput(config: FileOutputConfig(name: "file", path: dir.file("shipped.log")))
        let acks = AckLog()
        let buffer = try ShipBuffer(
            output: out, config: Fixtures.fastConfig(.file, path: dir.file("buf")), registry: .init(), onAcknowledge: acks.record)
        try await buffer.start()
        try await buffer.append((1...23).map { Fixtures.record($0) })
        #expect(await Fixtures.eventually { Self.seqs(dir.file("shipped.log")).count == 23 })
        #expect(Self.seqs(dir.file("shipped.log")) == Array(1...23))
        #expect(await Fixtures.eventually { acks.position("s1") == 23 })
        await buffer.close()
    }

    @Test func rejectsARelativePath() {
        #expect(throws: ShipError.self) { try FileOutput(config: FileOutputConfig(name: "f", path: "out.log")) }
    }
}
