import FaultMavenHTTP
import LoopbackHTTPServer
import Testing

@Suite struct ConcurrencyLimiterTests {
    @Test func waitersGetSlotsInOrderAfterRelease() async throws {
        let limiter = ConcurrencyLimiter(limit: 1, maxWaiting: 4)
        try await limiter.acquire()
        let order = OrderLog()
        let a = Task { try await limiter.acquire(); order.add("a") }
        #expect(await LoopbackHTTPServer.wait { limiter.waiting == 1 })
        let b = Task { try await limiter.acquire(); order.add("b") }
        #expect(await LoopbackHTTPServer.wait { limiter.waiting == 2 })
        #expect(order.items.isEmpty)
        limiter.release()
        try await a.value
        #expect(order.items == ["a"])
        limiter.release()
        try await b.value
        #expect(order.items == ["a", "b"])
        limiter.release()
        #expect(limiter.active == 0)
    }

    @Test func fullQueueAndCancellationAreRefusals() async throws {
        let limiter = ConcurrencyLimiter(limit: 1, maxWaiting: 1)
        try await limiter.acquire()
        let waiter = Task { try await limiter.acquire() }
        #expect(await LoopbackHTTPServer.wait { limiter.waiting == 1 })
        await #expect(throws: ConcurrencyLimiter.Refusal.queueFull(limit: 1, waiting: 1)) { try await limiter.acquire() }
        waiter.cancel()
        await #expect(throws: ConcurrencyLimiter.Refusal.cancelled) { try await waiter.value }
        #expect(limiter.waiting == 0)
        #expect(limiter.active == 1)
        limiter.release()
        #expect(limiter.active == 0)
    }
}
