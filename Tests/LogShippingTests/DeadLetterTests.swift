import FaultMavenCore
import Foundation
import LoopbackHTTPServer
import Testing
@testable import LogShipping

@Suite struct DeadLetterTests {
    @Test func clientErrorGoesToTheDeadLetterWithoutRetrying() async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let receiver = try TestReceiver(failing: .text("bad field", status: 400))
        let h = try Harness(url: receiver.url, config: Fixtures.fastConfig(deadLetter: dir.file("dead.jsonl")))
        try await h.buffer.start()
        try await h.buffer.append((1...5).map { Fixtures.record($0) })
        await h.buffer.flush()
        #expect(await Fixtures.eventually { h.metric("faultmaven_ship_dead_letter_records_total") == 5 })
        #expect(receiver.received.attempts.count == 1)
        let lines = Harness.lines(dir.file("dead.jsonl"))
        #expect(lines.count == 5)
        #expect((lines.first?["reason"] as? String)?.contains("answered 400") == true)
        #expect(((lines.last?["record"] as? [String: Any])?["seq"] as? String) == "5")
        // Dead-lettered records are resolved, so their sources may move on.
        #expect(await Fixtures.eventually { h.acks.position("s1") == 5 })
        await h.buffer.close()
    }

    @Test func retryTimeoutEndsInTheDeadLetter() async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let receiver = try TestReceiver(failing: .text("down", status: 503))
        var config = Fixtures.fastConfig(deadLetter: dir.file("dl/dead.jsonl"))
        config.retryTimeout = .milliseconds(150)
        let h = try Harness(url: receiver.url, config: config)
        try await h.buffer.start()
        try await h.buffer.append((1...12).map { Fixtures.record($0) })
        await h.buffer.flush()
        #expect(await Fixtures.eventually { h.metric("faultmaven_ship_dead_letter_records_total") == 12 })
        #expect(receiver.received.attempts.count >= 4)
        let lines = Harness.lines(dir.file("dl/dead.jsonl"))
        #expect(lines.count == 12)
        #expect(lines.allSatisfy { ($0["reason"] as? String)?.contains("retries exhausted") == true })
        #expect(lines.map { ($0["record"] as? [String: Any])?["seq"] as? String } == (1...12).map { String($0) })
        #expect(h.dropped("no_dead_letter") == 0)
        await h.buffer.close()
    }

    @Test func retryMaxTimesBoundsTheAttempts() async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let receiver = try TestReceiver(failing: .close)
        var config = Fixtures.fastConfig(deadLetter: dir.file("dead.jsonl"))
        config.retryMaxTimes = 2
        let h = try Harness(url: receiver.url, config: config)
        try await h.buffer.start()
        try await h.buffer.append([Fixtures.record(1)])
        await h.buffer.flush()
        #expect(await Fixtures.eventually { h.metric("faultmaven_ship_dead_letter_records_total") == 1 })
        #expect(receiver.received.attempts.count == 3)
        #expect(h.metric("faultmaven_ship_retries_total") == 2)
        await h.buffer.close()
    }

    @Test func withoutADeadLetterFileGivenUpRecordsAreCounted() async throws {
        let receiver = try TestReceiver(failing: .text("nope", status: 403))
        let h = try Harness(url: receiver.url, config: Fixtures.fastConfig())
        try await h.buffer.start()
        try await h.buffer.append((1...3).map { Fixtures.record($0) })
        await h.buffer.flush()
        #expect(await Fixtures.eventually { h.dropped("no_dead_letter") == 3 })
        await h.buffer.close()
    }

    @Test func oversizedRecordIsDeadLetteredAtAppend() async throws {
        let dir = try TestDirectory()
        defer { dir.remove() }
        let receiver = try TestReceiver()
        var config = Fixtures.fastConfig(deadLetter: dir.file("dead.jsonl"))
        config.chunkLimitSize = 300
        let h = try Harness(url: receiver.url, config: config)
        try await h.buffer.start()
        try await h.buffer.append([Fixtures.record(1), Fixtures.record(2, pad: 400), Fixtures.record(3)])
        #expect(h.metric("faultmaven_ship_dead_letter_records_total") == 1)
        #expect(await Fixtures.eventually { receiver.received.count == 2 })
        #expect(receiver.received.sequence("s1") == [1, 3])
        await h.buffer.close()
    }
}
