import Foundation
import LogAnalysis
import QueryServer
import Synchronization

/// What the pipeline publishes for the query port: a consistent copy, replaced as a whole.
final class LiveState: Sendable {
    struct Published: Sendable {
        var snapshot = AnalysisSnapshot(time: nil, sources: [], openAnomalies: [], recentIncidents: [], counters: AnalysisCounters())
        var anomalies: [Anomaly] = []
        var incidents: [Incident] = []
        var templates: [TemplateRow] = []
    }

    private let state = Mutex(Published())
    private let readyFlag = Mutex(false)

    func publish(_ p: Published) { state.withLock { $0 = p } }
    func read() -> Published { state.withLock { $0 } }

    var ready: Bool {
        get { readyFlag.withLock { $0 } }
    }

    func markReady() { readyFlag.withLock { $0 = true } }
}
