import FaultMavenCore
import Foundation
import StateStore
import Testing
@testable import Troubleshooting

@Suite struct SessionStoreTests {
    @Test func sessionsSurviveClosingAndReopeningTheStore() async throws {
        let h = try SessionHarness()
        let s = try await h.sessions.open("incident-7", userID: "u1")
        let recs = [TroubleshootingAnswer.Recommendation(id: RecommendationID.issue("db-1"), text: "Check the pool size.")]
        try await h.sessions.addTurn(s.id, question: "why slow?", answer: "the pool", provider: "openai", recommendations: recs)
        let digest = LogDigest(
            lines: 2, events: 2, levels: ["ERROR": 1], errorSamples: ["ERROR pool exhausted"],
            templates: [.init(template: "ERROR pool exhausted", count: 1, level: "ERROR")], anomalies: [])
        try await h.sessions.addData(s.id, name: "paste", content: "a\nERROR pool exhausted", digest: digest)

        let reopened = try h.reopened()
        let got = try #require(try await reopened.get("incident-7"))
        #expect(got.userID == "u1")
        #expect(got.turns.map(\.question) == ["why slow?"])
        #expect(got.turns.first?.answer == "the pool")
        #expect(got.turns.first?.provider == "openai")
        #expect(got.turns.first?.recommendations == recs)
        #expect(got.digests == [digest], "the digest comes back as it was stored")
        let again = try await reopened.open("incident-7")
        #expect(again.turns.count == 1, "opening the id after a restart continues the session")
    }

    @Test func idleSessionsExpireAndTheSweepDeletesThem() async throws {
        let h = try SessionHarness(idleTimeout: 60)
        let store = h.sessions
        let a = try await store.open(nil)
        _ = try await store.open("b")
        #expect(SessionStore.isValidID(a.id))
        h.clock.advance(59)
        #expect(try await store.open(a.id).id == a.id, "activity within the timeout keeps it")
        h.clock.advance(30)
        #expect(try await store.get("b") == nil, "idle past the timeout")
        #expect(try await store.get(a.id) != nil)
        #expect(try await store.delete("b") == false, "an expired session is gone for DELETE too")
        #expect(try await store.sweepExpired() == 1)
        #expect(h.metrics.value("faultmaven_sessions_expired_total") == 1)
        #expect(try await store.count() == 1)
        let fresh = try await store.open("b")
        #expect(fresh.id == "b" && fresh.turns.isEmpty, "an expired id given again starts a new session")
    }

    @Test func clientChosenIDsAreKeptWhenValid() async throws {
        let h = try SessionHarness()
        #expect(try await h.sessions.open("incident-42").id == "incident-42")
        let bad = try await h.sessions.open("has spaces and /slashes")
        #expect(bad.id != "has spaces and /slashes")
        #expect(SessionStore.isValidID(bad.id))
        #expect(try await h.sessions.get("has spaces") == nil)
    }

    @Test func deleteRemovesTheSessionForGood() async throws {
        let h = try SessionHarness()
        let s = try await h.sessions.open(nil)
        #expect(try await h.sessions.delete(s.id))
        #expect(try await h.sessions.delete(s.id) == false)
        #expect(try await h.reopened().get(s.id) == nil)
    }

    @Test func recommendationIDsKeepTheirStablePart() {
        let id = RecommendationID.issue("db-pool-1")
        #expect(id.hasPrefix("db-pool-1@"))
        #expect(RecommendationID.stable(id) == "db-pool-1")
        #expect(RecommendationID.stable("general-1") == "general-1")
        #expect(RecommendationID.stable("a@b") == "a@b", "only an 8-hex suffix is a per-offer suffix")
        #expect(RecommendationID.issue("db-pool-1") != id)
        #expect(RecommendationID.issue(String(repeating: "x", count: 500)).utf8.count <= 128)
    }
}
