import Testing
@testable import LogShipping

@Suite struct AcknowledgementJoinTests {
    @Test func forwardsTheLowestPositionOnceEveryBufferReported() {
        let log = AckLog()
        let join = AcknowledgementJoin(buffers: 2, forward: log.record)
        join.sink(0)(ShipAck(stream: "a", position: 10))
        #expect(log.position("a") == nil)
        join.sink(1)(ShipAck(stream: "a", position: 7))
        #expect(log.position("a") == 7)
        join.sink(1)(ShipAck(stream: "a", position: 12))
        #expect(log.position("a") == 10)
        join.sink(0)(ShipAck(stream: "a", position: 9))
        #expect(log.count == 2)
    }

    @Test func streamsAreBoundedAndEvictionsCounted() {
        let log = AckLog()
        let join = AcknowledgementJoin(buffers: 2, maxStreams: 2, forward: log.record)
        for s in ["a", "b", "c"] { join.sink(0)(ShipAck(stream: s, position: 1)) }
        #expect(join.evictions == 1)
        join.sink(1)(ShipAck(stream: "a", position: 1))
        #expect(log.position("a") == nil)
        join.sink(1)(ShipAck(stream: "c", position: 1))
        #expect(log.position("c") == 1)
    }
}
