import Foundation
import Testing
@testable import StateStore

@Suite struct StateStoreSessionTests {
    @Test func openCreatesAndReopensTheSameSession() async throws {
        let h = try StoreHarness()
        let created = try await h.store.openSession(id: "abc-1", userID: "alice")
        #expect(created.id == "abc-1")
        #expect(created.userID == "alice")
        #expect(created.createdAt == h.clock.now)
        h.clock.advance(by: 60)
        let again = try await h.store.openSession(id: "abc-1", userID: "bob")
        #expect(again.userID == "alice")
        #expect(again.createdAt == created.createdAt)
        #expect(again.lastActivity == h.clock.now)
        #expect(try await h.store.liveSessionCount() == 1)
        #expect(h.metrics.value("faultmaven_sessions_active") == 1)
    }

    @Test func newSessionWithoutIDGetsAFreshOne() async throws {
        let h = try StoreHarness()
        let a = try await h.store.openSession()
        let b = try await h.store.openSession()
        #expect(a.id != b.id)
        #expect(StateStore.isValidSessionID(a.id))
    }

    @Test func invalidSessionIDIsRefused() async throws {
        let h = try StoreHarness()
        let error = await #expect(throws: StateStoreError.self) { try await h.store.openSession(id: "bad id/../x") }
        #expect(error?.kind == .invalidInput)
        #expect(error?.operation == "open session")
        #expect(error?.path == h.directory.databasePath)
    }

    @Test func turnsRoundTripWithRecommendationsInOrder() async throws {
        let h = try StoreHarness()
        let s = try await h.store.openSession(id: "s1")
        let recs = [RecommendationRecord(id: "r-2", text: "Restart the pool"), RecommendationRecord(id: "r-1", text: "Check DNS")]
        let t1 = try await h.store.appendTurn(sessionID: s.id, question: "why slow?", answer: "pool exhausted", provider: "fake", recommendations: recs)
        h.clock.advance(by: 5)
        let t2 = try await h.store.appendTurn(sessionID: s.id, question: "and now?", answer: "fine", provider: "builtin")
        let turns = try await h.store.turns(sessionID: s.id)
        #expect(turns == [t1, t2])
        #expect(turns[0].recommendationIDs == ["r-2", "r-1"])
        #expect(turns[0].recommendations[0].text == "Restart the pool")
        #expect(turns[1].at == h.clock.now)
        #expect(try await h.store.session(s.id)?.lastActivity == h.clock.now)
    }

    @Test func reusedRecommendationIDIsRefused() async throws {
        let h = try StoreHarness()
        let s = try await h.store.openSession(id: "s1")
        _ = try await h.store.appendTurn(sessionID: s.id, question: "q", answer: "a", provider: "p", recommendations: [.init(id: "r-1", text: "x")])
        let error = await #expect(throws: StateStoreError.self) {
            try await h.store.appendTurn(sessionID: s.id, question: "q", answer: "a", provider: "p", recommendations: [.init(id: "r-1", text: "y")])
        }
        #expect(error?.kind == .invalidInput)
        #expect(try await h.store.turns(sessionID: s.id).count == 1)
    }

    @Test func dataItemsRoundTrip() async throws {
        let h = try StoreHarness()
        let s = try await h.store.openSession(id: "s1")
        let item = try await h.store.addDataItem(
            sessionID: s.id, kind: .file, name: "app.log", content: "ERROR boom\nWARN meh\n",
            insightsJSON: #"{"errors":1,"warnings":1}"#, summary: "Log analysis complete. Detected 1 error and 1 warning.")
        let url = try await h.store.addDataItem(
            sessionID: s.id, kind: .url, name: "https://example.com/x", content: "page text", insightsJSON: "[]", summary: "page")
        let items = try await h.store.dataItems(sessionID: s.id)
        #expect(items == [item, url])
        #expect(items[0].kind == .file && !items[0].truncated && items[0].id < items[1].id)
        #expect(items[0].insightsJSON == #"{"errors":1,"warnings":1}"#)
    }

    @Test func invalidInsightsJSONIsRefused() async throws {
        let h = try StoreHarness()
        let s = try await h.store.openSession(id: "s1")
        let error = await #expect(throws: StateStoreError.self) {
            try await h.store.addDataItem(sessionID: s.id, kind: .text, name: "t", content: "c", insightsJSON: "{nope", summary: "")
        }
        #expect(error?.kind == .invalidInput)
        #expect(error?.description.contains("structured insights is not valid JSON") == true)
    }

    @Test func writesToUnknownSessionsFailWithNotFound() async throws {
        let h = try StoreHarness()
        let error = await #expect(throws: StateStoreError.self) {
            try await h.store.appendTurn(sessionID: "ghost", question: "q", answer: "a", provider: "p")
        }
        #expect(error?.kind == .notFound)
        #expect(error?.description == "state database \(h.directory.databasePath): append turn: no session \"ghost\"")
        #expect(try await h.store.snapshot("ghost") == nil)
    }

    @Test func snapshotHoldsEverythingTheSessionOwns() async throws {
        let h = try StoreHarness()
        let s = try await h.store.openSession(id: "s1", userID: "u")
        let turn = try await h.store.appendTurn(sessionID: s.id, question: "q", answer: "a", provider: "p", recommendations: [.init(id: "r1", text: "do x")])
        let item = try await h.store.addDataItem(sessionID: s.id, kind: .text, name: "paste", content: "x", insightsJSON: "{}", summary: "s")
        let fb = try await h.store.recordFeedback(recommendationID: "r1", verdict: .reject, comment: "no")
        let snap = try #require(try await h.store.snapshot(s.id))
        #expect(snap.session.id == "s1" && snap.session.userID == "u")
        #expect(snap.turns == [turn])
        #expect(snap.dataItems == [item])
        #expect(snap.feedback == [fb])
    }

    @Test func deleteRemovesTheSessionAndWhatItOwns() async throws {
        let h = try StoreHarness()
        let s = try await h.store.openSession(id: "s1")
        _ = try await h.store.appendTurn(sessionID: s.id, question: "q", answer: "a", provider: "p", recommendations: [.init(id: "r1", text: "x")])
        _ = try await h.store.addDataItem(sessionID: s.id, kind: .text, name: "t", content: "c", insightsJSON: "{}", summary: "")
        #expect(try await h.store.deleteSession(s.id))
        #expect(try await h.store.deleteSession(s.id) == false)
        #expect(try await h.store.turns(sessionID: s.id).isEmpty)
        #expect(try await h.store.dataItems(sessionID: s.id).isEmpty)
        let error = await #expect(throws: StateStoreError.self) { try await h.store.recordFeedback(recommendationID: "r1", verdict: .accept) }
        #expect(error?.kind == .notFound)
        #expect(try await h.store.auditLog(sessionID: "s1").first?.action == "session.delete")
    }
}
