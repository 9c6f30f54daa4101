import FaultMavenCore
import Foundation
import LogAnalysis
import Logging
import QueryServer
import ServiceLifecycle
import Troubleshooting

/// Asks the model for one summary per incident, shortly after it opens: deduplicated (an
/// incident is summarized once, however often it grows), rate limited (`summaries_per_hour` in a
/// sliding hour; incidents over the limit are counted and skipped), and stored for the API.
/// The console prints each summary. Stops at graceful shutdown.
struct IncidentSummarizer: Service {
    let responder: LLMResponder
    let backend: AgentBackend
    let perHour: Int
    let console: @Sendable (String) -> Void
    let logger: Logger
    let metrics: MetricsRegistry
    var interval: Duration = .seconds(1)

    func run() async throws {
        let written = metrics.counterFamily(
            "faultmaven_incident_summaries_total", help: "Incident summaries requested from the LLM, by outcome.",
            labels: ["outcome"])
        do {
            try await cancelWhenGracefulShutdown { try await loop(written) }
        } catch is CancellationError {
            return
        }
    }

    private func loop(_ written: MetricFamily) async throws {
        var attempted = Set<String>()
        var recent: [Date] = []
        while true {
            try await Task.sleep(for: interval)
            let incidents = await backend.incidents()
            // Bounded: forget ids of incidents the agent no longer keeps.
            if attempted.count > 10_000 { attempted.formIntersection(incidents.map(\.id)) }
            for incident in incidents where !attempted.contains(incident.id) {
                attempted.insert(incident.id)
                let now = Date()
                recent.removeAll { now.timeIntervalSince($0) > 3600 }
                guard recent.count < perHour else {
                    written.counter("rate_limited").increment()
                    continue
                }
                recent.append(now)
                await summarize(incident, written)
            }
        }
    }

    private func summarize(_ incident: Incident, _ written: MetricFamily) async {
        let members = Set(incident.anomalyIDs)
        let anomalies = await backend.anomalies(since: nil).filter { members.contains($0.id) }
        let live = await backend.liveContext()
        guard let response = await responder.summarize(
            anomalies: anomalies, incident: incident, recentErrors: live.recentErrors, sourceSummaries: live.sourceSummaries)
        else {
            written.counter("failed").increment()
            return
        }
        let text = response.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            written.counter("failed").increment()
            return
        }
        written.counter("written").increment()
        backend.summaries.put(
            incident.id, IncidentSummary(text: text, provider: response.provider, model: response.model, createdAt: Date()))
        console("incident \(incident.id) summary (\(response.provider)): \(text)")
    }
}
