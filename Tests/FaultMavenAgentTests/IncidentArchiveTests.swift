import FaultMavenCore
import Foundation
import LogAnalysis
import QueryServer
import StateStore
import Testing

@testable import FaultMavenAgent

/// Incidents outlive the process: the archive writes them to a real SQLite file, a new store on
/// the same file (a restart) reads them back with their anomalies, causes and next steps.
@Suite struct IncidentArchiveTests {
    @Test func incidentsSurviveARestartAndAreWrittenOnlyWhenTheyChange() async throws {
        let dir = NSTemporaryDirectory() + "fm-archive-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)

        let (i1, a1) = IncidentSummarizerTests.incident(1)
        var published = LiveState.Published()
        published.incidents = [i1]
        published.anomalies = [a1]
        let live = LiveState()
        live.publish(published)
        let metrics = MetricsRegistry()
        var backend = AgentBackend(live: live, metrics: metrics, analysis: AnalysisConfig())
        let store = try StateStore(stateDirectory: dir, metrics: metrics)
        backend.store = store
        let archive = IncidentArchive(
            store: store, backend: backend, runID: IncidentArchive.runID(startedAt: Date(timeIntervalSince1970: 1_772_438_400)),
            logger: .init(label: "test"))
        #expect(archive.runID == "20260302T080000")

        var written: [String: Int] = [:]
        written = await archive.archive(written)
        let first = try #require(try await store.incident("20260302T080000-i-1"))
        written = await archive.archive(written)  // unchanged: not written again
        #expect(try await store.incident("20260302T080000-i-1")?.updatedAt == first.updatedAt)

        // The incident grows (a later end, a model summary): written again.
        var grown = i1
        grown.end = i1.end.addingTimeInterval(300)
        published.incidents = [grown]
        live.publish(published)
        backend.summaries.put("i-1", IncidentSummary(text: "db-1 refused connections", provider: "openai", model: "m", createdAt: Date()))
        written = await archive.archive(written)
        try store.close()

        // A restart: a new store on the same file, a backend with nothing live.
        let reopened = try StateStore(stateDirectory: dir, metrics: MetricsRegistry())
        var after = AgentBackend(live: LiveState(), metrics: MetricsRegistry(), analysis: AnalysisConfig())
        after.store = reopened
        let listed = await after.storedIncidents(limit: 10)
        #expect(listed.map(\.id) == ["20260302T080000-i-1"])
        let stored = try #require(await after.storedIncident(id: "20260302T080000-i-1"))
        #expect(stored.end == grown.end)
        #expect(stored.summary == "db-1 refused connections")
        #expect(stored.anomalies.map(\.id) == ["a-1"] && stored.anomalies.first?.template == a1.template)
        #expect(!stored.nextSteps.isEmpty)
        #expect(await after.storedIncident(id: "i-1") == nil)
        try reopened.close()
    }
}
