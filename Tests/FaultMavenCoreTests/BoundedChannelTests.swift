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
}

/// Yields until `count` elements wait in the channel (bounded, so a bug fails instead of hanging).
func waitUntilQueued<T>(_ ch: BoundedChannel<T>, _ count: Int) async {
    var spins = 0
    while ch.count < count && spins < 1_000_000 {
        await Task.yield()
        spins += 1
    }
}
