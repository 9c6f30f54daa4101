import Foundation
import Testing
@testable import StateStore

@Suite struct StateStorePastCaseTests {
    /// Query tokens {connection, refused, to, port}.
    static let query = ["connection refused to <*> port <*>"]

    private func seed(_ store: StateStore, _ clock: ManualClock) async throws {
        let cases: [(String, [String])] = [
            ("same", ["Connection refused to <*> port <*>"]),  // identical: 4/4 = 1.0
            ("timeout", ["connection timed out to <*>"]),  // {connection, to} of 6: 0.333
            ("disk", ["disk full on <*>"]),  // nothing shared
            ("short", ["connection refused"]),  // 2 of 4: 0.5
        ]
        for (id, templates) in cases {
            _ = try await store.addPastCase(
                recommendationID: id, recommendationText: "fix \(id)", sessionID: "s-\(id)", incidentSummary: "incident \(id)",
                templates: templates)
            clock.advance(by: 1)
        }
    }

    @Test func rankingFollowsJaccardSimilarity() async throws {
        let h = try StoreHarness()
        try await seed(h.store, h.clock)
        let matches = try await h.store.similarPastCases(templates: Self.query, threshold: 0.1, limit: 10)
        #expect(matches.map(\.pastCase.recommendationID) == ["same", "short", "timeout"])
        #expect(matches.map(\.sharedTokens) == [4, 2, 2])
        #expect(abs(matches[0].score - 1.0) < 1e-9)
        #expect(abs(matches[1].score - 0.5) < 1e-9)
        #expect(abs(matches[2].score - 1.0 / 3.0) < 1e-9)
    }

    @Test func thresholdAndLimitApply() async throws {
        let h = try StoreHarness()
        try await seed(h.store, h.clock)
        let above = try await h.store.similarPastCases(templates: Self.query, threshold: 0.4, limit: 10)
        #expect(above.map(\.pastCase.recommendationID) == ["same", "short"])
        let one = try await h.store.similarPastCases(templates: Self.query, threshold: 0.0, limit: 1)
        #expect(one.map(\.pastCase.recommendationID) == ["same"])
        #expect(try await h.store.similarPastCases(templates: ["<*> <*> 42"], threshold: 0).isEmpty)
    }

    @Test func casesRoundTripAndSurviveARestart() async throws {
        let h = try StoreHarness()
        try await seed(h.store, h.clock)
        let reopened = try h.reopened()
        let best = try #require(try await reopened.similarPastCases(templates: Self.query).first)
        #expect(best.pastCase.recommendationText == "fix same")
        #expect(best.pastCase.incidentSummary == "incident same")
        #expect(best.pastCase.sessionID == "s-same")
        #expect(best.pastCase.templates == ["Connection refused to <*> port <*>"])
        #expect(try await reopened.pastCaseCount() == 4)
        try reopened.close()
    }

    @Test func addingTheSameRecommendationReplacesTheCase() async throws {
        let h = try StoreHarness()
        _ = try await h.store.addPastCase(recommendationID: "r1", recommendationText: "old", sessionID: nil, incidentSummary: "a", templates: ["disk full"])
        _ = try await h.store.addPastCase(recommendationID: "r1", recommendationText: "new", sessionID: nil, incidentSummary: "b", templates: ["out of memory"])
        #expect(try await h.store.pastCaseCount() == 1)
        #expect(try await h.store.similarPastCases(templates: ["disk full"], threshold: 0.01).isEmpty)
        #expect(try await h.store.similarPastCases(templates: ["out of memory"]).first?.pastCase.recommendationText == "new")
    }

    @Test func templatesWithoutWordsAreRefused() async throws {
        let h = try StoreHarness()
        let error = await #expect(throws: StateStoreError.self) {
            try await h.store.addPastCase(recommendationID: "r", recommendationText: "t", sessionID: nil, incidentSummary: "", templates: ["<*> 123 <*>"])
        }
        #expect(error?.kind == .invalidInput)
    }
}
