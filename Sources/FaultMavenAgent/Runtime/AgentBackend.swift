import FaultMavenCore
import Foundation
import LogAnalysis
import LogParsing
import QueryServer
import StateStore
import Troubleshooting

/// The running agent as the query port sees it.
struct AgentBackend: QueryBackend {
    let live: LiveState
    let metrics: MetricsRegistry
    let analysis: AnalysisConfig
    var summaries = IncidentSummaries()
    /// The state database, for incidents of this and earlier runs.
    var store: StateStore?

    func incidentSummary(id: String) async -> IncidentSummary? { summaries.get(id) }

    func storedIncidents(limit: Int) async -> [StoredIncident] {
        guard let store, let records = try? await store.incidents(limit: limit) else { return [] }
        return records.map(Self.stored)
    }

    func storedIncident(id: String) async -> StoredIncident? {
        guard let store, let record = try? await store.incident(id) else { return nil }
        return Self.stored(record)
    }

    static func stored(_ r: IncidentRecord) -> StoredIncident {
        // Written by IncidentArchive with a default JSONEncoder: the same defaults read it back.
        let anomalies = (try? JSONDecoder().decode([Anomaly].self, from: Data(r.anomaliesJSON.utf8))) ?? []
        return StoredIncident(
            id: r.id, start: r.start, end: r.end, summary: r.summary, rootCauses: r.rootCauses, nextSteps: r.nextSteps,
            anomalies: anomalies, updatedAt: r.updatedAt)
    }

    func isReady() async -> Bool { live.ready }
    func metricsText() async -> String { metrics.render() }
    func snapshot() async -> AnalysisSnapshot { live.read().snapshot }

    func anomalies(since: Date?) async -> [Anomaly] {
        let all = live.read().anomalies.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        guard let since else { return all }
        return all.filter { $0.end >= since }
    }

    func incidents() async -> [Incident] { live.read().incidents }
    func templates(limit: Int) async -> [TemplateRow] { Array(live.read().templates.prefix(limit)) }

    func liveContext() async -> LiveContext {
        let p = live.read()
        let open = p.snapshot.openAnomalies
        let recent = p.anomalies.filter { !$0.isOpen }.sorted { $0.end > $1.end }.prefix(5)
        return LiveContext(
            anomalies: open + recent,
            recentErrors: Array(p.snapshot.sources.flatMap(\.recentErrors).prefix(30)),
            sourceSummaries: p.snapshot.sources.map { s in
                "\(s.source): \(s.lines) lines, \(String(format: "%.1f", s.errorRatio * 100))% errors now"
                    + (s.baselineErrorRatio.map { String(format: " (baseline %.1f%%)", $0 * 100) } ?? "")
            })
    }

    func digest(lines: [String], label: String) async -> LogDigest {
        LogDigester(analysis: analysis).digest(lines: lines, label: label)
    }
}
