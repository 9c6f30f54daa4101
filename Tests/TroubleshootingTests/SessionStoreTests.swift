import FaultMavenCore
import Foundation
import Synchronization
import Testing
@testable import Troubleshooting

final class ManualClock: Sendable {
    private let t = Mutex(Date(timeIntervalSince1970: 1_000_000))
    func now() -> Date { t.withLock { $0 } }
    func advance(_ s: TimeInterval) { t.withLock { $0 = $0.addingTimeInterval(s) } }
}

@Suite struct SessionStoreTests {
    @Test func opensKeepsAndExpiresSessions() async {
        let clock = ManualClock()
        let metrics = MetricsRegistry()
        let store = SessionStore(idleTimeout: 60, metrics: metrics, now: { clock.now() })
        let s = await store.open(nil, userID: "u1")
        #expect(SessionStore.isValidID(s.id))
        await store.addTurn(s.id, question: "q", answer: "a", recommendationIDs: ["r1"])
        clock.advance(59)
        #expect(await store.open(s.id).turns.count == 1, "activity within the timeout keeps it")
        clock.advance(61)
        #expect(await store.get(s.id) == nil)
        #expect(metrics.value("faultmaven_sessions_expired_total") == 1)
    }

    @Test func clientChosenIDsAreKeptWhenValid() async {
        let store = SessionStore(metrics: MetricsRegistry())
        #expect(await store.open("incident-42").id == "incident-42")
        let bad = await store.open("has spaces and /slashes")
        #expect(bad.id != "has spaces and /slashes")
        #expect(SessionStore.isValidID(bad.id))
    }

    @Test func limitEvictsTheLeastRecentlyActive() async {
        let clock = ManualClock()
        let metrics = MetricsRegistry()
        let store = SessionStore(maxSessions: 2, metrics: metrics, now: { clock.now() })
        _ = await store.open("a")
        clock.advance(1)
        _ = await store.open("b")
        clock.advance(1)
        _ = await store.open("a")
        clock.advance(1)
        _ = await store.open("c")
        #expect(await store.get("b") == nil)
        #expect(await store.get("a") != nil)
        #expect(await store.count == 2)
        #expect(metrics.value("faultmaven_sessions_evicted_total") == 1)
    }

    @Test func turnsAndDataAreBounded() async {
        let store = SessionStore(metrics: MetricsRegistry())
        let s = await store.open("s")
        for i in 0..<(SessionStore.maxTurns + 5) { await store.addTurn(s.id, question: "q\(i)", answer: "", recommendationIDs: []) }
        let d = LogDigest(lines: 1, events: 1, levels: [:], errorSamples: [], templates: [], anomalies: [])
        for _ in 0..<(SessionStore.maxDigests + 3) { await store.addDigest(s.id, d) }
        let got = await store.get(s.id)!
        #expect(got.turns.count == SessionStore.maxTurns)
        #expect(got.turns.first?.question == "q5", "oldest turns go first")
        #expect(got.digests.count == SessionStore.maxDigests)
    }
}
