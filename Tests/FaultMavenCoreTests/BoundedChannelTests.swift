import FaultMavenCore
import Testing

@Suite struct BoundedChannelTests {
    @Test func deliversEverythingInOrderFromOneProducer() async {
        let ch = BoundedChannel<Int>(capacity: 2)
        let producer = Task {
            for i in 0..<1000 { await ch.send(i) }
            ch.finish()
        }
        var got: [Int] = []
        for await v in ch { got.append(v) }
        await producer.value
        #expect(got == Array(0..<1000))
    }

    @Test func manyProducersLoseNothing() async {
        let ch = BoundedChannel<Int>(capacity: 3)
        let producers = Task {
            await withTaskGroup(of: Void.self) { g in
                for p in 0..<8 { g.addTask { for i in 0..<500 { await ch.send(p * 1000 + i) } } }
            }
            ch.finish()
        }
        var got: [Int] = []
        for await v in ch { got.append(v) }
        await producers.value
        #expect(got.count == 4000)
        #expect(Set(got).count == 4000)
        // Per producer, order is kept.
        for p in 0..<8 {
            let mine = got.filter { $0 / 1000 == p }
            #expect(mine == mine.sorted())
        }
    }

    @Test func producerWaitsWhileFull() async {
        let ch = BoundedChannel<Int>(capacity: 1)
        await ch.send(1)
        let blocked = Task { await ch.send(2) }
        // The second send cannot complete until the consumer takes one.
        await waitUntilQueued(ch, 2)
        #expect(ch.count == 2, "the second send is parked, not dropped")
        #expect(await ch.receive() == 1)
        #expect(await blocked.value == true)
        #expect(await ch.receive() == 2)
    }

    @Test func finishDrainsThenEnds() async {
        let ch = BoundedChannel<String>(capacity: 4)
        await ch.send("a")
        await ch.send("b")
        ch.finish()
        #expect(await ch.send("c") == false, "a finished channel rejects new elements")
        #expect(await ch.receive() == "a")
        #expect(await ch.receive() == "b")
        #expect(await ch.receive() == nil)
    }

    @Test func finishWakesAWaitingConsumer() async {
        let ch = BoundedChannel<Int>(capacity: 1)
        let consumer = Task { await ch.receive() }
        await Task.yield()
        ch.finish()
        #expect(await consumer.value == nil)
    }
}

@Suite struct BoundedChannelCancellationTests {
    @Test func cancelledSendReturnsFalseAndLeavesNothingBehind() async {
        let ch = BoundedChannel<Int>(capacity: 1)
        await ch.send(1)
        let blocked = Task { await ch.send(2) }
        await waitUntilQueued(ch, 2)
        blocked.cancel()
        #expect(await blocked.value == false)
        #expect(ch.count == 1, "the cancelled element was withdrawn")
        ch.finish()
        #expect(await ch.receive() == 1)
        #expect(await ch.receive() == nil)
    }

    @Test func cancelledReceiveReturnsNil() async {
        let ch = BoundedChannel<Int>(capacity: 1)
        let consumer = Task { await ch.receive() }
        await Task.yield()
        consumer.cancel()
        #expect(await consumer.value == nil)
        // The channel still works for a new consumer.
        await ch.send(5)
        #expect(await ch.receive() == 5)
    }

    @Test func sendingManyKeepsOrderAndWaitsForRoom() async {
        let ch = BoundedChannel<Int>(capacity: 3)
        let producer = Task {
            var accepted = 0
            for start in stride(from: 0, to: 1000, by: 10) { accepted += await ch.send(contentsOf: Array(start..<start + 10)) }
            ch.finish()
            return accepted
        }
        var got: [Int] = []
        for await v in ch { got.append(v) }
        #expect(await producer.value == 1000)
        #expect(got == Array(0..<1000), "elements of one call and of successive calls arrive in order")
    }

    @Test func sendingManyFillsTheBufferThenParksTheRest() async {
        let ch = BoundedChannel<Int>(capacity: 2)
        let producer = Task { await ch.send(contentsOf: [1, 2, 3, 4]) }
        await waitUntilQueued(ch, 3)
        #expect(ch.count == 3, "two buffered, the third parked, the fourth not offered yet")
        #expect(await ch.receive() == 1)
        #expect(await ch.receive() == 2)
        #expect(await ch.receive() == 3)
        #expect(await ch.receive() == 4)
        #expect(await producer.value == 4)
    }

    @Test func sendingManyToAWaitingConsumerDeliversInOrder() async {
        let ch = BoundedChannel<Int>(capacity: 1)
        let consumer = Task { await ch.receive() }
        // Usually parks the consumer first (then 7 goes straight to it); either way the order holds.
        for _ in 0..<1000 { await Task.yield() }
        #expect(await ch.send(contentsOf: [7, 8]) == 2)
        #expect(await consumer.value == 7)
        #expect(await ch.receive() == 8)
    }

    @Test func sendingManyToAFinishedChannelCountsWhatWasAccepted() async {
        let ch = BoundedChannel<Int>(capacity: 2)
        ch.finish()
        #expect(await ch.send(contentsOf: [1, 2]) == 0)
        let open = BoundedChannel<Int>(capacity: 2)
        let producer = Task { await open.send(contentsOf: [1, 2, 3, 4]) }
        await waitUntilQueued(open, 3)
        open.finish()
        #expect(await open.receive() == 1)
        #expect(await open.receive() == 2)
        #expect(await open.receive() == 3)
        #expect(await open.receive() == nil)
        #expect(await producer.value == 3, "the parked third was delivered; the fourth was refused")
    }
}

/// Yields until `count` elements wait in the channel (bounded, so a bug fails instead of hanging).
func waitUntilQueued<T>(_ ch: BoundedChannel<T>, _ count: Int) async {
    var spins = 0
    while ch.count < count && spins < 1_000_000 {
        await Task.yield()
        spins += 1
    }
}
