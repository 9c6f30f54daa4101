import FaultMavenCore
import Foundation
import Synchronization
import Testing
@testable import LogShipping

@Suite struct OverflowTests {
    static func config(_ action: OverflowAction) -> BufferConfig {
        var c = Fixtures.fastConfig()
        c.overflowAction = action
        c.chunkLimitSize = 2048
        c.totalLimitSize = 5 * 1024
        return c
    }

    @Test func dropOldestChunkKeepsTheNewestAndCountsEveryDrop() async throws {
        let receiver = try TestReceiver(failing: .text("down", status: 503))
        let h = try Harness(url: receiver.url, config: Self.config(.dropOldestChunk))
        try await h.buffer.start()
        for n in 1...200 { try await h.buffer.append([Fixtures.record(n)]) }
        let dropped = h.dropped("overflow")
        #expect(dropped > 0)
        receiver.setFailing(nil)
        await h.buffer.flush()
        #expect(await Fixtures.eventually { receiver.received.count + dropped == 200 })
        let got = receiver.received.sequence("s1")
        #expect(got == got.sorted())
        #expect(got.last == 200)
        await h.buffer.close()
        #expect(receiver.received.count + h.dropped("overflow") == 200)
    }

    @Test func throwExceptionRefusesAndSaysHowManyWereTaken() async throws {
        let receiver = try TestReceiver(failing: .text("down", status: 503))
        let h = try Harness(url: receiver.url, config: Self.config(.throwException))
        try await h.buffer.start()
        do {
            try await h.buffer.append((1...200).map { Fixtures.record($0) })
            Issue.record("a full buffer accepted 200 records")
        } catch {
            #expect(error.kind == .overflow)
            #expect(error.message.contains("of 200 records"))
        }
        #expect(await h.buffer.status.bytes <= 5 * 1024)
        #expect(h.dropped("overflow") == 0)
        await h.buffer.close()
    }

    @Test func blockSuspendsTheCallerUntilTheOutputRecovers() async throws {
        let receiver = try TestReceiver(failing: .text("down", status: 503))
        let h = try Harness(url: receiver.url, config: Self.config(.block))
        try await h.buffer.start()
        let done = Atomic(false)
        let buffer = h.buffer
        let writer = Task {
            try await buffer.append((1...200).map { Fixtures.record($0) })
            done.store(true, ordering: .relaxed)
        }
        // 200 records cannot fit in 5 KiB while nothing is delivered.
        #expect(await Fixtures.eventually { receiver.received.attempts.count >= 3 })
        let finishedEarly = done.load(ordering: .relaxed)
        #expect(!finishedEarly)
        receiver.setFailing(nil)
        try await writer.value
        await h.buffer.flush()
        #expect(await Fixtures.eventually { receiver.received.count == 200 })
        #expect(receiver.received.sequence("s1") == Array(1...200))
        #expect(h.dropped("overflow") == 0)
        await h.buffer.close()
    }
}
