import Foundation
import Testing
@testable import StateStore

@Suite struct StateStoreIncidentTests {
    private func record(_ id: String, start: TimeInterval) -> IncidentRecord {
        IncidentRecord(
            id: id, start: Date(timeIntervalSince1970: start), end: Date(timeIntervalSince1970: start + 30),
            anomaliesJSON: #"[{"id":"a-1","kind":"error_burst"}]"#, summary: "errors on api", rootCauses: ["db down"],
            nextSteps: ["check db", "page dba"])
    }

    @Test func incidentsRoundTripAndUpdate() async throws {
        let h = try StoreHarness()
        let stored = try await h.store.upsertIncident(record("i-1", start: 1_700_000_000))
        #expect(stored.updatedAt == h.clock.now)
        #expect(try await h.store.incident("i-1") == stored)
        var changed = stored
        changed.end = Date(timeIntervalSince1970: 1_700_000_100)
        changed.rootCauses = ["db down", "disk full"]
        h.clock.advance(by: 5)
        _ = try await h.store.upsertIncident(changed)
        let got = try #require(try await h.store.incident("i-1"))
        #expect(got.end == changed.end && got.rootCauses == ["db down", "disk full"] && got.updatedAt == h.clock.now)
        #expect(try await h.store.incidents().count == 1)
        #expect(try await h.store.incident("i-404") == nil)
    }

    @Test func listIsLatestStartFirst() async throws {
        let h = try StoreHarness()
        for (id, start) in [("i-1", 100.0), ("i-3", 300.0), ("i-2", 200.0)] { _ = try await h.store.upsertIncident(record(id, start: start)) }
        #expect(try await h.store.incidents().map(\.id) == ["i-3", "i-2", "i-1"])
        #expect(try await h.store.incidents(limit: 2).map(\.id) == ["i-3", "i-2"])
    }

    @Test func anomaliesMustBeJSON() async throws {
        let h = try StoreHarness()
        var bad = record("i-1", start: 0)
        bad.anomaliesJSON = "not json"
        let error = await #expect(throws: StateStoreError.self) { try await h.store.upsertIncident(bad) }
        #expect(error?.kind == .invalidInput)
        #expect(error?.operation == "store incident")
        var empty = record("", start: 0)
        empty.anomaliesJSON = "[]"
        await #expect(throws: StateStoreError.self) { try await h.store.upsertIncident(empty) }
    }
}
