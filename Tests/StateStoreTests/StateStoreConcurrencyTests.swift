import Foundation
import Testing
@testable import StateStore

@Suite struct StateStoreConcurrencyTests {
    @Test func concurrentTurnsAcrossSessionsAreAllKept() async throws {
        let h = try StoreHarness()
        let sessions = (0..<10).map { "s\($0)" }
        for id in sessions { _ = try await h.store.openSession(id: id) }
        let store = h.store
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<100 {
                group.addTask {
                    _ = try await store.appendTurn(
                        sessionID: "s\(i % 10)", question: "q\(i)", answer: "a\(i)", provider: "p",
                        recommendations: [.init(id: "r\(i)", text: "t\(i)")])
                }
            }
            try await group.waitForAll()
        }
        var seen = Set<String>()
        for id in sessions {
            let turns = try await store.turns(sessionID: id)
            #expect(turns.count == 10)
            for t in turns {
                #expect(t.sessionID == id)
                #expect(t.recommendations == [.init(id: "r" + t.question.dropFirst(), text: "t" + t.question.dropFirst())])
                seen.insert(t.question)
            }
        }
        #expect(seen == Set((0..<100).map { "q\($0)" }))
    }

    @Test func concurrentOpensOfOneIDYieldOneSession() async throws {
        let h = try StoreHarness()
        let store = h.store
        let ids = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<20 { group.addTask { try await store.openSession(id: "same").id } }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(ids == ["same"])
        #expect(try await store.liveSessionCount() == 1)
    }
}
