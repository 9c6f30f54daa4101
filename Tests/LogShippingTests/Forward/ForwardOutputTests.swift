import Foundation
import Testing
@testable import LogShipping

@Suite struct ForwardOutputTests {
    static let uniqueID = "00112233445566778899aabbccddeeff"
    /// base64 of the 16 bytes 00 11 … ff.
    static let chunkOption = "ABEiM0RVZneImaq7zN3u/w=="

    static func records(_ n: Int, tag: String = "app.web") -> [ShipRecord] {
        (1...n).map { i in
            ShipRecord(tag: tag, timeNanos: 1_700_000_000_000_000_000 + Int64(i) * 1_000_000_123, fields: ["message": "line \(i) ✓", "level": "INFO", "seq": String(i)])
        }
    }

    static func chunk(_ records: [ShipRecord], id: UInt64 = 1, uniqueID: String = uniqueID) -> ShipChunk {
        ShipChunk(id: id, uniqueID: uniqueID, tag: records.first?.tag ?? "t", records: records, bytes: records.reduce(0) { $0 + $1.byteSize })
    }

    static func output(_ port: Int, ack: Bool = true, mode: ForwardOutputConfig.Mode = .packedForward, gzip: Bool = false, ackTimeout: Duration = .seconds(30), timeAsInteger: Bool = false) throws -> ForwardOutput {
        try ForwardOutput(config: ForwardOutputConfig(
            name: "fwd_test", host: "127.0.0.1", port: port, mode: mode, gzip: gzip, timeAsInteger: timeAsInteger,
            requireAckResponse: ack, ackResponseTimeout: ackTimeout, connectTimeout: .seconds(5), sendTimeout: .seconds(10)))
    }

    /// The error `send` throws, as an OutputError.
    static func failure(_ output: ForwardOutput, _ chunk: ShipChunk) async -> OutputError? {
        do {
            _ = try await output.send(chunk)
            return nil
        } catch {
            return error as? OutputError
        }
    }

    @Test(arguments: [("packed_forward", false), ("compressed_packed_forward", true), ("forward", false)])
    func recordsArriveWithTagEventTimeAndFieldsAndAreAcked(_ expectedMode: String, _ gzip: Bool) async throws {
        let receiver = try ForwardReceiver()
        defer { receiver.stop() }
        let output = try Self.output(receiver.port, mode: expectedMode == "forward" ? .forward : .packedForward, gzip: gzip)
        let records = Self.records(25)
        let sent = try await output.send(Self.chunk(records))
        #expect(sent > 0)
        // The ack came back, so the receiver had decoded everything before send returned.
        let events = receiver.events
        #expect(events.count == 25)
        #expect(events.map(\.tag) == Array(repeating: "app.web", count: 25))
        #expect(events.map(\.timeNanos) == records.map(\.timeNanos))
        #expect(events.allSatisfy { $0.eventTime && $0.mode == expectedMode && $0.chunk == Self.chunkOption })
        #expect(events.map(\.fields) == records.map(\.fields))
        #expect(receiver.malformed == 0)
        await output.close()
    }

    @Test func withoutAcksIntegerTimesAndOneKeptConnection() async throws {
        let receiver = try ForwardReceiver()
        defer { receiver.stop() }
        let output = try Self.output(receiver.port, ack: false, timeAsInteger: true)
        _ = try await output.send(Self.chunk(Self.records(3)))
        _ = try await output.send(Self.chunk(Self.records(4), id: 2))
        #expect(await Fixtures.eventually { receiver.events.count == 7 })
        #expect(receiver.events.allSatisfy { !$0.eventTime && $0.chunk == nil })
        #expect(receiver.events.first?.timeNanos == 1_700_000_001_000_000_000)  // whole seconds
        #expect(receiver.chunks.isEmpty)
        #expect(receiver.connections == 1)
        await output.close()
    }

    @Test func aWrongAckIsRetryableAndTheResendCarriesTheSameChunk() async throws {
        let receiver = try ForwardReceiver(script: [.wrongAck])
        defer { receiver.stop() }
        let output = try Self.output(receiver.port)
        let chunk = Self.chunk(Self.records(5))
        let error = try #require(await Self.failure(output, chunk))
        #expect(error.isRetryable)
        #expect(error.message.contains("ack for another chunk"))
        _ = try await output.send(chunk)
        #expect(receiver.chunks == [Self.chunkOption, Self.chunkOption])
        // The failed exchange's connection was dropped, not reused for the resend.
        #expect(receiver.connections == 2)
        await output.close()
    }

    @Test func aMissingAckTimesOutRetryablyAndTheResendIsDeduplicable() async throws {
        let receiver = try ForwardReceiver(script: [.silent])
        defer { receiver.stop() }
        let output = try Self.output(receiver.port, ackTimeout: .milliseconds(300))
        let chunk = Self.chunk(Self.records(4))
        let error = try #require(await Self.failure(output, chunk))
        #expect(error.isRetryable)
        #expect(error.message.contains("timed out waiting"))
        _ = try await output.send(chunk)
        // The receiver got the chunk twice, both times with the same id: it can drop the copy.
        #expect(receiver.chunks == [Self.chunkOption, Self.chunkOption])
        #expect(receiver.events.count == 8)
        #expect(Set(receiver.events.map(\.fields)).count == 4)
        await output.close()
    }

    @Test func aConnectionClosedBeforeTheAckIsRetryable() async throws {
        let receiver = try ForwardReceiver(script: [.dropAndClose])
        defer { receiver.stop() }
        let output = try Self.output(receiver.port)
        let error = try #require(await Self.failure(output, Self.chunk(Self.records(2))))
        #expect(error.isRetryable)
        #expect(error.message.contains("connection closed by 127.0.0.1:\(receiver.port) before the ack"))
        #expect(receiver.events.isEmpty)
        _ = try await output.send(Self.chunk(Self.records(2)))
        #expect(receiver.events.count == 2)
    }

    @Test func aReceiverThatIsDownIsARetryableConnectionRefused() async throws {
        let port = try ForwardReceiver.unusedPort()
        let output = try Self.output(port)
        let error = try #require(await Self.failure(output, Self.chunk(Self.records(1))))
        #expect(error.isRetryable)
        #expect(error.message.contains("cannot connect to 127.0.0.1:\(port): Connection refused"))
    }

    @Test func cancellingTheSendStopsTheWaitForTheAck() async throws {
        let receiver = try ForwardReceiver(behaviour: .silent)
        defer { receiver.stop() }
        let output = try Self.output(receiver.port, ackTimeout: .seconds(600))
        let task = Task { await Self.failure(output, Self.chunk(Self.records(1))) }
        #expect(await Fixtures.eventually { receiver.messages == 1 })
        task.cancel()
        let error = try #require(await task.value)
        #expect(error.message.contains("cancelled"))
    }

    @Test func theReceiverDecodesMessageModeAndHeartbeats() async throws {
        let receiver = try ForwardReceiver()
        defer { receiver.stop() }
        var w = MessagePackWriter()
        w.writeNil()  // heartbeat
        try w.write(MessagePackValue.array([
            .string("app.msg"), .ext(type: 0, data: EventTime(seconds: 1_700_000_000, nanoseconds: 5).extData),
            .map([.init(.string("message"), .string("hi"))]), .map([.init(.string("chunk"), .string("Y2h1bmsx"))]),
        ]))
        let wake = try WakeSignal()
        defer { wake.close() }
        let socket = try ForwardSocket.connect(host: "127.0.0.1", port: receiver.port, peer: "receiver", timeout: .seconds(5), wake: wake)
        defer { socket.close() }
        try socket.writeAll(w.bytes, until: .now + .seconds(10), wake: wake)
        let reply = try socket.read(max: 100, until: .now + .seconds(20), wake: wake, doing: "reading the ack")
        var r = MessagePackReader(reply)
        #expect(try r.next()?["ack"] == .string("Y2h1bmsx"))
        #expect(receiver.events == [ForwardEvent(tag: "app.msg", timeNanos: 1_700_000_000_000_000_005, eventTime: true, fields: ["message": "hi"], mode: "message", chunk: "Y2h1bmsx")])
    }

    @Test func chunkOptionIsBase64OfTheUniqueIDBytes() {
        #expect(ForwardMessage.chunkOption(Self.uniqueID) == Self.chunkOption)
        #expect(Data(base64Encoded: ForwardMessage.chunkOption(Self.uniqueID))?.count == 16)
        #expect(ForwardMessage.chunkOption("not-hex") == Data("not-hex".utf8).base64EncodedString())
    }
}
