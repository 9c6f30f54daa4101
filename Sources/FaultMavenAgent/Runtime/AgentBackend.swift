import FaultMavenCore
import Foundation
import LogAnalysis
import LogParsing
import QueryServer
import Troubleshooting

/// The running agent as the query port sees it.
struct AgentBackend: QueryBackend {
    let live: LiveState
    let metrics: MetricsRegistry
    let analysis: AnalysisConfig
    var summaries = IncidentSummaries()

    func incidentSummary(id: String) async -> IncidentSummary? { summaries.get(id) }

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
