import FaultMavenCore
import Foundation
import Testing

@testable import LogIngest

/// Read buffers are reused only once nothing else holds them: a block still in the pipeline
/// keeps its bytes, and the ring's memory stays within its limits.
@Suite struct ReadBufferRingTests {
    private static func filled(_ ring: inout ReadBufferRing, _ byte: UInt8, _ count: Int) -> [UInt8] {
        var buffer = ring.take(capacity: count)
        #expect(buffer.isEmpty && buffer.capacity >= count)
        buffer.append(contentsOf: repeatElement(byte, count: count))
        return buffer
    }

    private static func address(_ buffer: [UInt8]) -> UnsafePointer<UInt8>? {
        buffer.withUnsafeBufferPointer { $0.baseAddress }
    }

    @Test func reusesTheOldestBufferOnceNothingElseHoldsIt() {
        var ring = ReadBufferRing(limit: 2, minimumCapacity: 64, largestKept: 1024)
        let first = Self.filled(&ring, 1, 100)
        let firstAddress = Self.address(first)
        ring.keep(first)
        ring.keep(Self.filled(&ring, 2, 100))
        #expect(ring.count == 2 && ring.allocated == 2 && ring.reused == 0)
        // `first` is still held here: new storage, the held bytes untouched.
        var third = Self.filled(&ring, 3, 100)
        #expect(Self.address(third) != firstAddress)
        #expect(first == [UInt8](repeating: 1, count: 100))
        #expect(ring.reused == 0 && ring.allocated == 3)
        third[0] = 9
        ring.keep(third)
        // The second buffer is held by the ring alone now: its storage comes back, emptied.
        let fourth = ring.take(capacity: 100)
        #expect(fourth.isEmpty && fourth.capacity >= 100)
        #expect(ring.reused == 1 && ring.allocated == 3)
    }

    @Test func reusedStorageIsTheReleasedBuffers() {
        var ring = ReadBufferRing(limit: 1, minimumCapacity: 64, largestKept: 1024)
        var block: [UInt8]? = Self.filled(&ring, 7, 200)
        let address = Self.address(block!)
        ring.keep(block!)
        block = nil  // the pipeline let go of it
        let again = ring.take(capacity: 200)
        #expect(Self.address(again) == address)
        #expect(ring.reused == 1)
    }

    @Test func tooSmallOrTooLargeBuffersAreNotReused() {
        var ring = ReadBufferRing(limit: 1, minimumCapacity: 16, largestKept: 4096)
        ring.keep(Self.filled(&ring, 1, 16))
        // Kept, but too small for what is asked: new storage.
        let larger = ring.take(capacity: 2048)
        #expect(larger.capacity >= 2048 && ring.reused == 0 && ring.allocated == 2)
        ring.keep([UInt8](repeating: 0, count: 8192))
        #expect(ring.count == 1, "a buffer above largestKept is let go")
        ring.removeAll()
        #expect(ring.count == 0)
        _ = ring.take(capacity: 16)
        #expect(ring.allocated == 3)
    }

    /// A file of many reads through the tail source, once with a consumer that keeps every batch
    /// (no buffer can be reused) and once with one that drops them (buffers are reused): the
    /// lines are the file's in both.
    @Test(arguments: [true, false]) func tailedLinesSurviveBufferReuse(keepBatches: Bool) async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = dir.file("big.log")
        let lines = (0..<60_000).map { "line \($0) " + String(repeating: Character(UnicodeScalar(UInt8(97 + $0 % 26))), count: $0 % 90) }
        try writeFile(path, lines.map { $0 + "\n" }.joined())
        let channel = BoundedChannel<LineBatch>(capacity: 64)
        let source = TailSource(
            config: TailSourceTests.config([path], head: true), output: channel, metrics: MetricsRegistry(), logger: quietLogger)
        let run = Task { try await source.run() }
        var kept: [LineBatch] = []
        var mismatches = 0
        var seen = 0
        while seen < lines.count, let batch = await channel.receive() {
            batch.forEachText { text, number in
                if number < 1 || number > lines.count || lines[number - 1] != text { mismatches += 1 }
            }
            seen += batch.count
            if keepBatches { kept.append(batch) }
        }
        run.cancel()
        try await run.value
        #expect(seen == lines.count && mismatches == 0)
        // Kept batches still read as they were sent, after later reads reused what they could.
        var again = 0
        for batch in kept {
            batch.forEachText { text, number in if lines[number - 1] == text { again += 1 } }
        }
        #expect(again == (keepBatches ? lines.count : 0))
    }
}
