import FaultMavenCore
import Foundation
import LogAnalysis
import Logging
import QueryServer
import ServiceLifecycle
import StateStore
import Synchronization
import Troubleshooting

/// Keeps the agent's incidents in the state database, so they outlive the process: every
/// `interval`, incidents that are new or changed (grew, ended later, got a model summary) are
/// written with their anomalies, a summary, and the knowledge base's causes and next steps.
/// Stored ids carry the run's start time (`20261125T031500-i-3`): the engine numbers incidents
/// from 1 in every run. A last pass runs at graceful shutdown.
struct IncidentArchive: Service {
    let store: StateStore
    let backend: AgentBackend
    let runID: String
    let logger: Logger
    var interval: Duration = .seconds(2)

    /// `yyyyMMdd'T'HHmmss` of `date` in UTC.
    static func runID(startedAt date: Date) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: date)
        return String(
            format: "%04d%02d%02dT%02d%02d%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0,
            c.second ?? 0)
    }

    func run() async throws {
        let written = Fingerprints()
        do {
            try await cancelWhenGracefulShutdown {
                while true {
                    try await Task.sleep(for: interval)
                    written.set(await archive(written.get()))
                }
            }
        } catch is CancellationError {}
        _ = await archive(written.get())
    }

    /// Fingerprints of the incidents written, by live id.
    final class Fingerprints: Sendable {
        private let value = Mutex<[String: Int]>([:])
        func get() -> [String: Int] { value.withLock { $0 } }
        func set(_ v: [String: Int]) { value.withLock { $0 = v } }
    }

    /// Writes incidents whose fingerprint changed since the last write; returns the fingerprints.
    func archive(_ previous: [String: Int]) async -> [String: Int] {
        var written = previous
        let incidents = await backend.incidents()
        guard !incidents.isEmpty else { return written }
        let anomalies = await backend.anomalies(since: nil)
        let byID = Dictionary(anomalies.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for incident in incidents {
            let summary = backend.summaries.get(incident.id)
            var hasher = Hasher()
            hasher.combine(incident)
            hasher.combine(summary?.text)
            let fingerprint = hasher.finalize()
            guard written[incident.id] != fingerprint else { continue }
            let members = incident.anomalyIDs.compactMap { byID[$0] }
            do {
                _ = try await store.upsertIncident(Self.record(incident, members, summary: summary, runID: runID))
                written[incident.id] = fingerprint
            } catch {
                logger.warning("incident not stored", metadata: ["incident": "\(incident.id)", "error": "\(error)"])
            }
        }
        // Bounded: forget fingerprints of incidents the agent no longer holds.
        if written.count > 2 * max(incidents.count, 100) {
            let live = Set(incidents.map(\.id))
            written = written.filter { live.contains($0.key) }
        }
        return written
    }

    static func record(_ incident: Incident, _ members: [Anomaly], summary: IncidentSummary?, runID: String) -> IncidentRecord {
        let answer = BuiltinResponder().answer(TroubleshootingContext(question: "What caused this incident?", anomalies: members))
        // Default strategies, read back the same way by AgentBackend.stored(_:).
        let json = (try? JSONEncoder().encode(members)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        return IncidentRecord(
            id: "\(runID)-\(incident.id)", start: incident.start, end: incident.end, anomaliesJSON: json,
            summary: summary?.text ?? IncidentText.summary(incident, members),
            rootCauses: answer.rootCauses.map { "\($0.title): \($0.cause)" },
            nextSteps: answer.recommendations.map(\.text))
    }
}
