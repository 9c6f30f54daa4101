import FaultMavenCore
import Logging
import Synchronization
import Testing
@testable import LogShipping

/// A memory `ShipBuffer` in front of a `ForwardOutput`, against a `ForwardReceiver`.
@Suite struct ForwardBufferTests {
    static func buffer(_ port: Int, registry: MetricsRegistry, acks: AckLog, ahead: (@Sendable (ShipAck) -> Void)? = nil) throws -> ShipBuffer {
        let output = try ForwardOutput(config: ForwardOutputConfig(
            name: "fwd_buffer", host: "127.0.0.1", port: port, gzip: true, requireAckResponse: true,
            ackResponseTimeout: .milliseconds(300), connectTimeout: .seconds(5), sendTimeout: .seconds(10)))
        var logger = Logger(label: "test.forward")
        logger.logLevel = .error
        return try ShipBuffer(output: output, config: Fixtures.fastConfig(), registry: registry, logger: logger) { ack in
            ahead?(ack)
            acks.record(ack)
        }
    }

    static func batch(_ n: Int) -> [ShipRecord] {
        (1...n).flatMap { [Fixtures.record($0, stream: "s1", tag: "app.a"), Fixtures.record($0, stream: "s2", tag: "app.b")] }
    }

    /// `seq` values of `stream`, keeping only the first copy of each (chunk, seq): what a receiver
    /// de-duplicating on the `chunk` option keeps.
    static func deduplicated(_ events: [ForwardEvent], _ stream: String) -> [Int] {
        var seen = Set<String>()
        return events.filter { $0.fields["stream"] == stream }.compactMap { e in
            guard let seq = e.fields["seq"], seen.insert("\(e.chunk ?? "")/\(seq)").inserted else { return nil }
            return Int(seq)
        }
    }

    @Test func outageThenRecoveryDeliversEveryRecordInOrderAndAcksOnlyWhatWasAcked() async throws {
        let receiver = try ForwardReceiver(behaviour: .dropAndClose)
        defer { receiver.stop() }
        let registry = MetricsRegistry()
        let acks = AckLog()
        let ahead = Mutex(0)
        let buffer = try Self.buffer(receiver.port, registry: registry, acks: acks) { ack in
            let has = receiver.events.contains { $0.fields["stream"] == ack.stream && $0.fields["seq"] == String(ack.position) }
            if !has { ahead.withLock { $0 += 1 } }
        }
        try await buffer.start()
        try await buffer.append(Self.batch(60))
        #expect(await Fixtures.eventually { receiver.messages >= 4 })
        #expect(acks.position("s1") == nil && acks.position("s2") == nil)

        receiver.setBehaviour(.ack)
        #expect(await Fixtures.eventually { receiver.events.count == 120 })
        #expect(Self.deduplicated(receiver.events, "s1") == Array(1...60))
        #expect(Self.deduplicated(receiver.events, "s2") == Array(1...60))
        #expect(await Fixtures.eventually { acks.position("s1") == 60 && acks.position("s2") == 60 })
        #expect(ahead.withLock { $0 } == 0)
        #expect(receiver.events.allSatisfy { $0.mode == "compressed_packed_forward" })
        #expect(Int(registry.value("faultmaven_ship_records_sent_total", ["fwd_buffer"]) ?? 0) == 120)
        #expect(Int(registry.value("faultmaven_ship_failures_total", ["fwd_buffer"]) ?? 0) >= 3)
        await buffer.close()
        #expect(await buffer.status.chunks == 0)
    }

    @Test func lostAndWrongAcksResendTheSameChunkSoTheReceiverCanDropCopies() async throws {
        let receiver = try ForwardReceiver(script: [.silent, .wrongAck])
        defer { receiver.stop() }
        let registry = MetricsRegistry()
        let acks = AckLog()
        let buffer = try Self.buffer(receiver.port, registry: registry, acks: acks)
        try await buffer.start()
        try await buffer.append((1...10).map { Fixtures.record($0, stream: "s1", tag: "app.a") })
        #expect(await Fixtures.eventually { acks.position("s1") == 10 })
        let chunks = receiver.chunks
        #expect(chunks.count == 3)
        #expect(Set(chunks).count == 1)  // one chunk, sent three times with the same id
        #expect(receiver.events.count == 30)
        #expect(Self.deduplicated(receiver.events, "s1") == Array(1...10))
        #expect(Int(registry.value("faultmaven_ship_retries_total", ["fwd_buffer"]) ?? 0) == 2)
        await buffer.close()
    }
}
