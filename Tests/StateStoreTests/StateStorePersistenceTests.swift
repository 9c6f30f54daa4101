import Foundation
import Testing
@testable import StateStore

@Suite struct StateStorePersistenceTests {
    @Test func everyTableSurvivesCloseAndReopen() async throws {
        let h = try StoreHarness()
        let s = try await h.store.openSession(id: "s1", userID: "alice")
        let turn = try await h.store.appendTurn(sessionID: "s1", question: "why?", answer: "because", provider: "fake", recommendations: [.init(id: "r1", text: "do x")])
        let item = try await h.store.addDataItem(sessionID: "s1", kind: .url, name: "https://x", content: "text", insightsJSON: #"{"a":1}"#, summary: "sum")
        let fb = try await h.store.recordFeedback(recommendationID: "r1", verdict: .reject, comment: "nope")
        let incident = try await h.store.upsertIncident(IncidentRecord(
            id: "i-1", start: Date(timeIntervalSince1970: 10), end: Date(timeIntervalSince1970: 20), anomaliesJSON: "[]", summary: "s"))
        _ = try await h.store.audit(action: "custom", sessionID: "s1", detail: "hello")

        let store = try h.reopened()
        let snap = try #require(try await store.snapshot("s1"))
        #expect(snap.session == s)
        #expect(snap.turns == [turn])
        #expect(snap.dataItems == [item])
        #expect(snap.feedback == [fb])
        #expect(try await store.rejectedRecommendationTexts(sessionID: "s1") == ["do x"])
        #expect(try await store.incident("i-1") == incident)
        #expect(try await store.auditLog(limit: 1).first?.detail == "hello")
        let next = try await store.appendTurn(sessionID: "s1", question: "q2", answer: "a2", provider: "fake")
        #expect(next.id > turn.id)
        try store.close()
    }

    @Test func fileIsPrivateAndInWALMode() async throws {
        let h = try StoreHarness()
        _ = try await h.store.openSession(id: "s1")
        let attributes = try FileManager.default.attributesOfItem(atPath: h.directory.databasePath)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(FileManager.default.fileExists(atPath: h.directory.databasePath + "-wal"))
    }

    @Test func stateDirectoryIsCreated() async throws {
        let parent = try TemporaryDirectory()
        let nested = (parent.path as NSString).appendingPathComponent("a/b")
        let store = try StateStore(stateDirectory: nested, metrics: .init())
        #expect(store.path == (nested as NSString).appendingPathComponent("faultmaven.sqlite"))
        #expect(FileManager.default.fileExists(atPath: store.path))
        try store.close()
    }

    @Test func aClosedStoreFailsClearly() async throws {
        let h = try StoreHarness()
        try h.store.close()
        let error = await #expect(throws: StateStoreError.self) { try await h.store.openSession(id: "s") }
        #expect(error?.path == h.directory.databasePath)
        #expect(error?.operation == "open session")
    }
}
