import Foundation
import Testing
@testable import StateStore

@Suite struct StateStoreTemplateTests {
    private func record(_ id: Int, sequence: Int, count: Int = 1) -> TemplateRecord {
        TemplateRecord(
            id: id, groupID: id, text: "template \(id) <*>", count: count, lastSequence: sequence,
            stateJSON: #"{"id":\#(id),"tokens":["template","\#(id)","<*>"]}"#)
    }

    @Test func templatesRoundTripUpdateAndSurviveReopen() async throws {
        let h = try StoreHarness()
        try await h.store.saveTemplates([record(1, sequence: 10), record(2, sequence: 20)], keep: 100)
        var one = record(1, sequence: 30, count: 5)
        one.text = "template 1 <*> <*>"
        h.clock.advance(by: 5)
        try await h.store.saveTemplates([one], keep: 100)
        let reopened = try h.reopened()
        defer { try? reopened.close() }
        let loaded = try await reopened.templates(limit: 100)
        #expect(loaded.map(\.id) == [1, 2])
        #expect(loaded[0].text == "template 1 <*> <*>" && loaded[0].count == 5 && loaded[0].updatedAt == h.clock.now)
        #expect(loaded[0].level == "UNKNOWN")
        #expect(loaded[1] == { var r = record(2, sequence: 20); r.updatedAt = h.clock.now.addingTimeInterval(-5); return r }())
    }

    @Test func removedIdsGoAndTheCapKeepsTheMostRecentlyUsed() async throws {
        let h = try StoreHarness()
        try await h.store.saveTemplates((1...5).map { record($0, sequence: $0 * 10) }, keep: 100)
        try await h.store.saveTemplates([], removed: [5], keep: 100)
        #expect(try await h.store.templates(limit: 100).map(\.id) == [4, 3, 2, 1])
        try await h.store.saveTemplates([record(6, sequence: 60)], keep: 3)
        #expect(try await h.store.templates(limit: 100).map(\.id) == [6, 4, 3])
        #expect(h.evicted("template") == 2)
        #expect(try await h.store.templates(limit: 2).map(\.id) == [6, 4])
    }

    @Test func badTemplatesAreRefusedAndNothingIsWritten() async throws {
        let h = try StoreHarness()
        var bad = record(2, sequence: 5)
        bad.stateJSON = "{not json"
        let error = await #expect(throws: StateStoreError.self) {
            try await h.store.saveTemplates([record(1, sequence: 1), bad], keep: 10)
        }
        #expect(error?.kind == .invalidInput)
        #expect(error?.operation == "store templates")
        #expect(error?.message.contains("template 2 state") == true)
        #expect(try await h.store.templates(limit: 10).isEmpty)
        await #expect(throws: StateStoreError.self) { try await h.store.saveTemplates([record(0, sequence: 1)], keep: 10) }
        var noLevel = record(3, sequence: 1)
        noLevel.level = ""
        await #expect(throws: StateStoreError.self) { try await h.store.saveTemplates([noLevel], keep: 10) }
        #expect(try await h.store.templates(limit: 10).isEmpty)
    }

    @Test func theIdSequenceIsStoredNeverGoesDownAndSurvivesReopen() async throws {
        let h = try StoreHarness()
        #expect(try await h.store.templateNextID() == 0)
        try await h.store.saveTemplates([record(1, sequence: 1)], keep: 10, nextID: 7)
        try await h.store.saveTemplates([], removed: [1], keep: 10, nextID: 5)
        #expect(try await h.store.templateNextID() == 7)
        try await h.store.saveTemplates([], keep: 10, nextID: 9)
        let reopened = try h.reopened()
        defer { try? reopened.close() }
        #expect(try await reopened.templateNextID() == 9)
        #expect(try await reopened.templates(limit: 10).isEmpty)
        let error = await #expect(throws: StateStoreError.self) {
            try await reopened.saveTemplates([record(2, sequence: 2)], keep: 10, nextID: 0)
        }
        #expect(error?.kind == .invalidInput)
        #expect(try await reopened.templates(limit: 10).isEmpty)
    }
}
