import FaultMavenCore
import Foundation
import QueryServer
import Synchronization

/// Summaries the model wrote, by incident id; at most `limit`, the oldest evicted and counted.
final class IncidentSummaries: Sendable {
    let limit: Int
    private let state = Mutex(State())

    private struct State {
        var byID: [String: IncidentSummary] = [:]
        var order: [String] = []
        var evicted = 0
    }

    init(limit: Int = 1000) {
        self.limit = limit
    }

    func get(_ id: String) -> IncidentSummary? { state.withLock { $0.byID[id] } }

    var evicted: Int { state.withLock { $0.evicted } }

    func put(_ id: String, _ summary: IncidentSummary) {
        state.withLock { s in
            if s.byID.updateValue(summary, forKey: id) == nil { s.order.append(id) }
            while s.order.count > limit {
                s.byID.removeValue(forKey: s.order.removeFirst())
                s.evicted += 1
            }
        }
    }
}
