import Foundation
import Testing
@testable import StateStore

@Suite struct StateStoreExpiryTests {
    @Test func sweepDeletesIdleSessionsAndCountsWhatTheyOwned() async throws {
        var config = StateStoreConfig()
        config.sessionIdleTimeout = 600
        let h = try StoreHarness(config: config)
        let old = try await h.store.openSession(id: "old")
        _ = try await h.store.appendTurn(sessionID: old.id, question: "q1", answer: "a", provider: "p", recommendations: [.init(id: "r1", text: "x")])
        _ = try await h.store.appendTurn(sessionID: old.id, question: "q2", answer: "a", provider: "p")
        _ = try await h.store.addDataItem(sessionID: old.id, kind: .text, name: "t", content: "c", insightsJSON: "{}", summary: "")
        _ = try await h.store.recordFeedback(recommendationID: "r1", verdict: .reject)
        h.clock.advance(by: 400)
        let fresh = try await h.store.openSession(id: "fresh")
        _ = try await h.store.appendTurn(sessionID: fresh.id, question: "q", answer: "a", provider: "p")
        h.clock.advance(by: 201)

        #expect(try await h.store.session("old") == nil)
        let result = try await h.store.sweepExpired()
        #expect(result == SweepResult(sessions: 1, turns: 2, dataItems: 1, feedback: 1))
        #expect(try await h.store.turns(sessionID: "old").isEmpty)
        #expect(try await h.store.session("fresh") != nil)
        #expect(try await h.store.turns(sessionID: "fresh").count == 1)
        #expect(h.metrics.value("faultmaven_sessions_expired_total") == 1)
        #expect(h.metrics.value("faultmaven_sessions_active") == 1)
        #expect(try await h.store.sweepExpired() == SweepResult())
    }

    @Test func sessionExactlyAtTheTimeoutIsStillLive() async throws {
        var config = StateStoreConfig()
        config.sessionIdleTimeout = 100
        let h = try StoreHarness(config: config)
        _ = try await h.store.openSession(id: "s")
        h.clock.advance(by: 100)
        #expect(try await h.store.session("s") != nil)
        h.clock.advance(by: 0.5)
        #expect(try await h.store.session("s") == nil)
    }

    @Test func activityPostponesExpiry() async throws {
        var config = StateStoreConfig()
        config.sessionIdleTimeout = 100
        let h = try StoreHarness(config: config)
        _ = try await h.store.openSession(id: "s")
        for _ in 0..<5 {
            h.clock.advance(by: 90)
            _ = try await h.store.appendTurn(sessionID: "s", question: "q", answer: "a", provider: "p")
        }
        #expect(try await h.store.sweepExpired().sessions == 0)
        #expect(try await h.store.turns(sessionID: "s").count == 5)
    }

    @Test func writesToAnExpiredSessionFailWithExpired() async throws {
        var config = StateStoreConfig()
        config.sessionIdleTimeout = 100
        let h = try StoreHarness(config: config)
        _ = try await h.store.openSession(id: "s")
        h.clock.advance(by: 101)
        let error = await #expect(throws: StateStoreError.self) {
            try await h.store.addDataItem(sessionID: "s", kind: .text, name: "t", content: "c", insightsJSON: "{}", summary: "")
        }
        #expect(error?.kind == .expired)
        let touch = await #expect(throws: StateStoreError.self) { try await h.store.touchSession("s") }
        #expect(touch?.kind == .expired)
    }

    @Test func reopeningAnExpiredIDStartsAFreshSession() async throws {
        var config = StateStoreConfig()
        config.sessionIdleTimeout = 100
        let h = try StoreHarness(config: config)
        _ = try await h.store.openSession(id: "s", userID: "u1")
        _ = try await h.store.appendTurn(sessionID: "s", question: "q", answer: "a", provider: "p")
        h.clock.advance(by: 200)
        let again = try await h.store.openSession(id: "s", userID: "u2")
        #expect(again.userID == "u2")
        #expect(again.createdAt == h.clock.now)
        #expect(try await h.store.turns(sessionID: "s").isEmpty)
        #expect(h.metrics.value("faultmaven_sessions_expired_total") == 1)
    }
}

@Suite struct StateStoreCreationExpiryTests {
    @Test func creatingASessionClearsExpiredOnesFirst() async throws {
        var config = StateStoreConfig()
        config.sessionIdleTimeout = 100
        config.maxSessions = 2
        let h = try StoreHarness(config: config)
        _ = try await h.store.openSession(id: "a")
        _ = try await h.store.openSession(id: "b")
        h.clock.advance(by: 150)
        _ = try await h.store.openSession(id: "c")
        #expect(h.metrics.value("faultmaven_sessions_expired_total") == 2)
        #expect(h.evicted("session") == 0)
        #expect(h.metrics.value("faultmaven_sessions_active") == 1)
        #expect(try await h.store.auditLog(limit: 2).map(\.action) == ["session.create", "session.expire"])
    }
}
