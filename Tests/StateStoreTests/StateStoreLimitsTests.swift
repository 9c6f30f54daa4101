import Foundation
import Testing
@testable import StateStore

@Suite struct StateStoreLimitsTests {
    @Test func sessionLimitEvictsTheLeastRecentlyActive() async throws {
        var config = StateStoreConfig()
        config.maxSessions = 3
        let h = try StoreHarness(config: config)
        for id in ["a", "b", "c"] {
            _ = try await h.store.openSession(id: id)
            h.clock.advance(by: 1)
        }
        _ = try await h.store.touchSession("a")
        h.clock.advance(by: 1)
        _ = try await h.store.openSession(id: "d")
        #expect(try await h.store.session("b") == nil)
        for id in ["a", "c", "d"] { #expect(try await h.store.session(id) != nil) }
        #expect(h.evicted("session") == 1)
        #expect(try await h.store.liveSessionCount() == 3)
    }

    @Test func turnLimitDropsTheOldestTurns() async throws {
        var config = StateStoreConfig()
        config.maxTurnsPerSession = 3
        let h = try StoreHarness(config: config)
        _ = try await h.store.openSession(id: "s")
        for i in 1...5 {
            _ = try await h.store.appendTurn(sessionID: "s", question: "q\(i)", answer: "a", provider: "p", recommendations: [.init(id: "r\(i)", text: "t\(i)")])
        }
        let turns = try await h.store.turns(sessionID: "s")
        #expect(turns.map(\.question) == ["q3", "q4", "q5"])
        #expect(turns.flatMap(\.recommendationIDs) == ["r3", "r4", "r5"])
        #expect(h.evicted("turn") == 2)
    }

    @Test func dataBudgetDropsTheOldestItems() async throws {
        var config = StateStoreConfig()
        config.maxDataBytesPerSession = 100
        config.maxDataItemBytes = 100
        let h = try StoreHarness(config: config)
        _ = try await h.store.openSession(id: "s")
        for name in ["one", "two", "three"] {
            _ = try await h.store.addDataItem(sessionID: "s", kind: .text, name: name, content: String(repeating: "x", count: 40), insightsJSON: "{}", summary: "")
        }
        #expect(try await h.store.dataItems(sessionID: "s").map(\.name) == ["two", "three"])
        #expect(h.evicted("data_item") == 1)
    }

    @Test func oversizedContentIsCutAtACharacterBoundaryAndFlagged() async throws {
        var config = StateStoreConfig()
        config.maxDataItemBytes = 10
        let h = try StoreHarness(config: config)
        _ = try await h.store.openSession(id: "s")
        let item = try await h.store.addDataItem(sessionID: "s", kind: .text, name: "t", content: "abcdefghé€xyz", insightsJSON: "{}", summary: "")
        #expect(item.truncated)
        #expect(item.content == "abcdefghé")
        #expect(h.metrics.value("faultmaven_state_truncated_total") == 1)
        #expect(try await h.store.dataItems(sessionID: "s").first?.content == "abcdefghé")
    }

    @Test func tooManyRecommendationsInOneTurnAreRefused() async throws {
        var config = StateStoreConfig()
        config.maxRecommendationsPerTurn = 2
        let h = try StoreHarness(config: config)
        _ = try await h.store.openSession(id: "s")
        let recs = (1...3).map { RecommendationRecord(id: "r\($0)", text: "t") }
        let error = await #expect(throws: StateStoreError.self) {
            try await h.store.appendTurn(sessionID: "s", question: "q", answer: "a", provider: "p", recommendations: recs)
        }
        #expect(error?.kind == .invalidInput)
    }

    @Test func feedbackLimitDropsTheOldest() async throws {
        var config = StateStoreConfig()
        config.maxFeedbackPerSession = 2
        let h = try StoreHarness(config: config)
        _ = try await h.store.openSession(id: "s")
        let recs = (1...3).map { RecommendationRecord(id: "r\($0)", text: "text \($0)") }
        _ = try await h.store.appendTurn(sessionID: "s", question: "q", answer: "a", provider: "p", recommendations: recs)
        for r in recs { _ = try await h.store.recordFeedback(recommendationID: r.id, verdict: .reject) }
        #expect(try await h.store.rejectedRecommendationTexts(sessionID: "s") == ["text 2", "text 3"])
        #expect(h.evicted("feedback") == 1)
    }

    @Test func auditLogKeepsTheNewestRows() async throws {
        var config = StateStoreConfig()
        config.maxAuditRows = 5
        let h = try StoreHarness(config: config)
        for i in 1...8 { _ = try await h.store.audit(action: "test.\(i)", detail: "d\(i)") }
        let log = try await h.store.auditLog(limit: 100)
        #expect(log.map(\.action) == ["test.8", "test.7", "test.6", "test.5", "test.4"])
        #expect(h.evicted("audit") == 3)
    }

    @Test func incidentLimitDropsTheEarliestStart() async throws {
        var config = StateStoreConfig()
        config.maxIncidents = 2
        let h = try StoreHarness(config: config)
        let base = Date(timeIntervalSince1970: 1_700_000_000)
        for (id, offset) in [("i-b", 20.0), ("i-a", 10.0), ("i-c", 30.0)] {
            let start = base.addingTimeInterval(offset)
            _ = try await h.store.upsertIncident(IncidentRecord(id: id, start: start, end: start, anomaliesJSON: "[]", summary: id))
        }
        #expect(try await h.store.incidents().map(\.id) == ["i-c", "i-b"])
        #expect(h.evicted("incident") == 1)
    }

    @Test func pastCaseLimitDropsTheOldest() async throws {
        var config = StateStoreConfig()
        config.maxPastCases = 2
        let h = try StoreHarness(config: config)
        for i in 1...3 {
            _ = try await h.store.addPastCase(
                recommendationID: "r\(i)", recommendationText: "fix \(i)", sessionID: nil, incidentSummary: "inc", templates: ["disk full on <*>"])
            h.clock.advance(by: 1)
        }
        #expect(try await h.store.pastCaseCount() == 2)
        let matches = try await h.store.similarPastCases(templates: ["disk full on <*>"], threshold: 0.5, limit: 10)
        #expect(matches.map(\.pastCase.recommendationID) == ["r3", "r2"])
        #expect(h.evicted("past_case") == 1)
    }
}
