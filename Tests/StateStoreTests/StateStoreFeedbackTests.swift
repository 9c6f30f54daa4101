import Foundation
import Testing
@testable import StateStore

@Suite struct StateStoreFeedbackTests {
    private func session(_ h: StoreHarness, _ id: String, _ recs: [(String, String)]) async throws {
        _ = try await h.store.openSession(id: id)
        _ = try await h.store.appendTurn(
            sessionID: id, question: "q", answer: "a", provider: "p", recommendations: recs.map { RecommendationRecord(id: $0.0, text: $0.1) })
    }

    @Test func feedbackRoundTripsAndNamesTheOwningSession() async throws {
        let h = try StoreHarness()
        try await session(h, "s1", [("r1", "Restart nginx"), ("r2", "Raise the pool size")])
        let fb = try await h.store.recordFeedback(recommendationID: "r1", verdict: .reject, comment: "already tried")
        #expect(fb == FeedbackRecord(
            recommendationID: "r1", sessionID: "s1", verdict: .reject, recommendationText: "Restart nginx",
            comment: "already tried", at: h.clock.now))
        #expect(try await h.store.feedback(sessionID: "s1") == [fb])
        #expect(try await h.store.auditLog(sessionID: "s1").first?.action == "feedback.reject")
    }

    @Test func rejectedTextsAreScopedToTheSession() async throws {
        let h = try StoreHarness()
        try await session(h, "s1", [("r1", "Restart nginx"), ("r2", "Raise the pool size")])
        try await session(h, "s2", [("r3", "Restart nginx too")])
        _ = try await h.store.recordFeedback(recommendationID: "r2", verdict: .reject)
        _ = try await h.store.recordFeedback(recommendationID: "r1", verdict: .reject)
        _ = try await h.store.recordFeedback(recommendationID: "r3", verdict: .accept)
        #expect(try await h.store.rejectedRecommendationTexts(sessionID: "s1") == ["Raise the pool size", "Restart nginx"])
        #expect(try await h.store.rejectedRecommendationTexts(sessionID: "s2").isEmpty)
    }

    @Test func aLaterVerdictReplacesTheEarlierOne() async throws {
        let h = try StoreHarness()
        try await session(h, "s1", [("r1", "Restart nginx")])
        _ = try await h.store.recordFeedback(recommendationID: "r1", verdict: .reject)
        h.clock.advance(by: 10)
        _ = try await h.store.recordFeedback(recommendationID: "r1", verdict: .accept, comment: "worked after all")
        let all = try await h.store.feedback(sessionID: "s1")
        #expect(all.count == 1)
        #expect(all.first?.verdict == .accept && all.first?.comment == "worked after all")
        #expect(try await h.store.rejectedRecommendationTexts(sessionID: "s1").isEmpty)
    }

    @Test func acceptedRecommendationsAreNewestFirstAndFilterable() async throws {
        let h = try StoreHarness()
        try await session(h, "s1", [("r1", "one"), ("r2", "two")])
        try await session(h, "s2", [("r3", "three")])
        _ = try await h.store.recordFeedback(recommendationID: "r1", verdict: .accept)
        h.clock.advance(by: 1)
        _ = try await h.store.recordFeedback(recommendationID: "r3", verdict: .accept)
        h.clock.advance(by: 1)
        _ = try await h.store.recordFeedback(recommendationID: "r2", verdict: .reject)
        #expect(try await h.store.acceptedRecommendations().map(\.recommendationText) == ["three", "one"])
        #expect(try await h.store.acceptedRecommendations(sessionID: "s1").map(\.recommendationID) == ["r1"])
        #expect(try await h.store.acceptedRecommendations(limit: 1).map(\.recommendationID) == ["r3"])
    }

    @Test func feedbackNamingAnotherSessionIsNotFound() async throws {
        let h = try StoreHarness()
        try await session(h, "s1", [("r1", "one")])
        try await session(h, "s2", [("r2", "two")])
        let error = await #expect(throws: StateStoreError.self) {
            try await h.store.recordFeedback(recommendationID: "r1", verdict: .reject, sessionID: "s2")
        }
        #expect(error?.kind == .notFound)
        #expect(try await h.store.feedback(sessionID: "s1").isEmpty)
        #expect(try await h.store.feedback(sessionID: "s2").isEmpty)
    }

    @Test func unknownRecommendationIsNotFound() async throws {
        let h = try StoreHarness()
        let error = await #expect(throws: StateStoreError.self) { try await h.store.recordFeedback(recommendationID: "nope", verdict: .accept) }
        #expect(error?.kind == .notFound)
        #expect(error?.operation == "record feedback")
    }

    @Test func rejectingRemovesThePastCaseMadeFromIt() async throws {
        let h = try StoreHarness()
        try await session(h, "s1", [("r1", "Rotate the certificate")])
        _ = try await h.store.recordFeedback(recommendationID: "r1", verdict: .accept)
        _ = try await h.store.addPastCase(
            recommendationID: "r1", recommendationText: "Rotate the certificate", sessionID: "s1", incidentSummary: "TLS errors",
            templates: ["certificate expired for <*>"])
        #expect(try await h.store.pastCaseCount() == 1)
        _ = try await h.store.recordFeedback(recommendationID: "r1", verdict: .reject)
        #expect(try await h.store.pastCaseCount() == 0)
    }
}
