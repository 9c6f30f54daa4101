import FaultMavenCore
import Foundation
import LoopbackHTTPServer
import Testing
@testable import LogShipping

@Suite struct FileBufferTests {
    /// Records of equal size (so frames hold a known number of them).
    static func record(_ n: Int) -> ShipRecord {
        var r = Fixtures.record(n)
        r.fields["seq"] = String(format: "%04d", n)
        r.fields["message"] = String(format: "s1 #%04d", n)
        return r
    }

    static func config(_ dir: TestDirectory) -> BufferConfig {
        var c = Fixtures.fastConfig(.file, path: dir.file("buffer"))
        c.frameLimitSize = 5 * record(1).byteSize
        c.flushInterval = .seconds(3600)
        return c
    }

    @Test func crashTornChunkIsCutAndEverythingElseIsResentInOrder() async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        // First run: the receiver is unreachable; 4 chunks of 10 records become durable.
        let dead = "http://127.0.0.1:\(try LoopbackHTTPServer.unusedPort())/ingest"
        let first = try Harness(url: dead, config: Self.config(dir))
        try await first.buffer.start()
        try await first.buffer.append((1...40).map(Self.record))
        #expect(await Fixtures.eventually { first.acks.position("s1") == 40 })
        await first.buffer.close()

        // A crash while the last chunk was written: its last frame (records 36-40) is torn.
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.file("buffer")).filter { $0.hasSuffix(".fmb") }.sorted()
        #expect(files.count == 4)
        let last = dir.file("buffer/" + files.last!)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: last)[.size] as? Int)
        let handle = try #require(FileHandle(forUpdatingAtPath: last))
        try handle.truncate(atOffset: UInt64(size - 7))
        try handle.close()

        // Restart with the receiver up.
        let receiver = try TestReceiver()
        var config = Self.config(dir)
        config.flushInterval = .milliseconds(20)
        let second = try Harness(url: receiver.url, config: config)
        try await second.buffer.start()
        #expect(second.dropped("torn_chunk") == 5)
        #expect(await Fixtures.eventually { receiver.received.count == 35 })
        #expect(receiver.received.sequence("s1") == Array(1...35))
        // New records go after the recovered ones.
        try await second.buffer.append([Self.record(41)])
        #expect(await Fixtures.eventually { receiver.received.count == 36 })
        #expect(receiver.received.sequence("s1").last == 41)
        await second.buffer.close()
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.file("buffer")).filter { $0.hasSuffix(".fmb") }.isEmpty)
    }

    @Test func fileBufferAcknowledgesOnceDurableEvenWhileTheOutputIsDown() async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let dead = "http://127.0.0.1:\(try LoopbackHTTPServer.unusedPort())/ingest"
        let h = try Harness(url: dead, config: Fixtures.fastConfig(.file, path: dir.file("buffer")))
        try await h.buffer.start()
        try await h.buffer.append((1...7).map { Fixtures.record($0) })
        await h.buffer.acknowledge("marker-stream", position: 99)
        #expect(await Fixtures.eventually { h.acks.position("s1") == 7 && h.acks.position("marker-stream") == 99 })
        #expect(h.metric("faultmaven_ship_records_sent_total") == 0)
        await h.buffer.close()
        // flush_at_shutdown is off for file buffers: the chunk stays on disk for the next start.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.file("buffer")).contains { $0.hasSuffix(".fmb") })
        #expect(h.dropped("shutdown") == 0)
    }

    @Test func memoryBufferNeverAcknowledgesWhatItCouldNotDeliver() async throws {
        let dead = "http://127.0.0.1:\(try LoopbackHTTPServer.unusedPort())/ingest"
        let h = try Harness(url: dead, config: Fixtures.fastConfig())
        try await h.buffer.start()
        try await h.buffer.append((1...25).map { Fixtures.record($0) })
        await h.buffer.acknowledge("s1", position: 25)
        #expect(await Fixtures.eventually { h.metric("faultmaven_ship_failures_total") >= 2 })
        await h.buffer.close()
        #expect(h.dropped("shutdown") == 25)
        #expect(h.acks.count == 0)
    }

    @Test func unreadableHeaderIsSetAsideAndCounted() async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        try FileManager.default.createDirectory(atPath: dir.file("buffer"), withIntermediateDirectories: true)
        try Data(repeating: 0x41, count: 100).write(to: URL(fileURLWithPath: dir.file("buffer/chunk-0000000000000007.fmb")))
        let receiver = try TestReceiver()
        let h = try Harness(url: receiver.url, config: Fixtures.fastConfig(.file, path: dir.file("buffer")))
        try await h.buffer.start()
        #expect(FileManager.default.fileExists(atPath: dir.file("buffer/chunk-0000000000000007.fmb.corrupt")))
        try await h.buffer.append([Fixtures.record(1)])
        #expect(await Fixtures.eventually { receiver.received.count == 1 })
        await h.buffer.close()
    }
}
