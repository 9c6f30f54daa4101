import FaultMavenCore
import Foundation
import LoopbackHTTPServer
import Synchronization
import Testing
@testable import LogShipping

@Suite struct HTTPDeliveryTests {
    @Test func outageThenRecoveryDeliversEveryRecordInOrderAndAcksOnlyDelivered() async throws {
        let receiver = try TestReceiver(failFirst: [.close, .text("unavailable", status: 503)], failing: .close)
        let ahead = Mutex(0)
        let received = receiver.received
        let h = try Harness(url: receiver.url, config: Fixtures.fastConfig()) { ack in
            // An acknowledgement must never run ahead of what the receiver has.
            if !received.contains(stream: ack.stream, seq: ack.position) { ahead.withLock { $0 += 1 } }
        }
        try await h.buffer.start()
        var batch: [ShipRecord] = []
        for n in 1...60 {
            batch.append(Fixtures.record(n, stream: "s1", tag: "app.a"))
            batch.append(Fixtures.record(n, stream: "s2", tag: "app.b"))
        }
        try await h.buffer.append(batch)
        #expect(await Fixtures.eventually { receiver.received.attempts.count >= 4 })
        // Down: nothing delivered, so nothing acknowledged (memory buffer).
        #expect(h.acks.position("s1") == nil && h.acks.position("s2") == nil)

        receiver.setFailing(nil)
        #expect(await Fixtures.eventually { receiver.received.count == 120 })
        #expect(receiver.received.sequence("s1") == Array(1...60))
        #expect(receiver.received.sequence("s2") == Array(1...60))
        #expect(await Fixtures.eventually { h.acks.position("s1") == 60 && h.acks.position("s2") == 60 })
        #expect(ahead.withLock { $0 } == 0)
        #expect(h.metric("faultmaven_ship_records_sent_total") == 120)
        // (libcurl itself may resend once on a dropped reused connection, so attempts ≥ failures.)
        #expect(h.metric("faultmaven_ship_failures_total") >= 2)
        #expect(h.metric("faultmaven_ship_retries_total") == h.metric("faultmaven_ship_failures_total"))
        await h.buffer.close()
        #expect(await h.buffer.status.chunks == 0)
        #expect(h.registry.value("faultmaven_ship_buffer_bytes", [h.name]) == 0)
    }

    @Test(arguments: [BodyCompression.zstd, .gzip, .none], [RecordEncoding.Framing.jsonArray, .jsonLines])
    func bodiesAreEncodedCompressedAndAuthenticated(_ compress: BodyCompression, _ framing: RecordEncoding.Framing) async throws {
        let receiver = try TestReceiver()
        let h = try Harness(
            url: receiver.url, config: Fixtures.fastConfig(), compress: compress, framing: framing,
            auth: .bearer(token: "t0k"), headers: [("X-Team", "sre")])
        try await h.buffer.start()
        try await h.buffer.append((1...25).map { Fixtures.record($0) })
        #expect(await Fixtures.eventually { receiver.received.count == 25 })
        #expect(receiver.received.sequence("s1") == Array(1...25))
        #expect(receiver.undecodableBodies == 0)
        #expect(receiver.lastHeader("Content-Encoding") == compress.contentEncoding)
        #expect(receiver.lastHeader("Content-Type") == (framing == .jsonArray ? "application/json" : "application/x-ndjson"))
        #expect(receiver.lastHeader("Authorization") == "Bearer t0k")
        #expect(receiver.lastHeader("X-Team") == "sre")
        let first = try #require(receiver.received.all.first)
        #expect(first["message"] == "s1 #1")
        #expect(first["time"] == "2023-11-14T22:13:21.000000Z")
        await h.buffer.close()
    }

    @Test func basicAuthIsBase64OfUserColonPassword() async throws {
        let receiver = try TestReceiver()
        let h = try Harness(url: receiver.url, config: Fixtures.fastConfig(), auth: .basic(username: "ship", password: "pa:ss"))
        try await h.buffer.start()
        try await h.buffer.append([Fixtures.record(1)])
        await h.buffer.flush()
        #expect(await Fixtures.eventually { receiver.received.count == 1 })
        #expect(receiver.lastHeader("Authorization") == "Basic " + Data("ship:pa:ss".utf8).base64EncodedString())
        await h.buffer.close()
    }

    @Test func tooManyRequestsWaitsForRetryAfter() async throws {
        let receiver = try TestReceiver(failFirst: [.text("slow down", status: 429, headers: [("Retry-After", "1")])])
        let h = try Harness(url: receiver.url, config: Fixtures.fastConfig())
        try await h.buffer.start()
        try await h.buffer.append([Fixtures.record(1)])
        await h.buffer.flush()
        #expect(await Fixtures.eventually { receiver.received.count == 1 })
        let attempts = receiver.received.attempts
        try #require(attempts.count == 2)
        // retry_wait is 5 ms: only Retry-After explains a wait of a second.
        #expect(attempts[1] - attempts[0] >= .milliseconds(950))
        await h.buffer.close()
    }
}
