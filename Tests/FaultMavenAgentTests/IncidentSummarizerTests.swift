import FaultMavenCore
import FaultMavenHTTP
import Foundation
import LLMProviders
import LogAnalysis
import Logging
import LoopbackHTTPServer
import QueryServer
import ServiceLifecycle
import Synchronization
import Testing
import Troubleshooting

@testable import FaultMavenAgent

/// One summary per incident from a model on 127.0.0.1 (OpenAI wire format), stored for the API,
/// printed on the console, and limited per hour.
@Suite struct IncidentSummarizerTests {
    static func completion(_ text: String) -> LoopbackResponse {
        .json(#"{"id":"x","object":"chat.completion","model":"fake","choices":[{"index":0,"message":{"role":"assistant","content":"\#(text)"},"finish_reason":"stop"}],"usage":{"prompt_tokens":10,"completion_tokens":5}}"#)
    }

    static func incident(_ n: Int) -> (Incident, Anomaly) {
        let t = Date(timeIntervalSince1970: 1_772_438_400 + Double(n) * 600)
        let anomaly = Anomaly(
            id: "a-\(n)", kind: .newPattern, source: "payments.log", start: t, end: t, detectedAt: t, severity: .critical,
            score: 9, template: "ERROR db: connection refused to <*>", samples: ["ERROR db: connection refused to db-1:5432"],
            summary: "new error pattern on payments.log", incidentID: "i-\(n)")
        let incident = Incident(
            id: "i-\(n)", start: t, end: t, anomalyIDs: [anomaly.id], sources: ["payments.log"], kinds: [.newPattern],
            severity: .critical)
        return (incident, anomaly)
    }

    @Test func eachIncidentIsSummarizedOnceWithinTheHourlyLimit() async throws {
        let server = try LoopbackHTTPServer { _ in Self.completion("Payments lost its database; check db-1.") }
        defer { server.stop() }
        var settings = LLMProviderSettings(kind: .openai, baseURL: server.baseURL + "/v1", model: "fake")
        settings.resilience = ResilienceOptions(maxAttempts: 1)
        let provider = try settings.makeProvider(client: HTTPClient(maxConcurrentTransfers: 2), environment: [:])
        let responder = LLMResponder(provider: provider, builder: ContextBuilder())

        let live = LiveState()
        let (i1, a1) = Self.incident(1), (i2, a2) = Self.incident(2), (i3, a3) = Self.incident(3)
        var published = LiveState.Published()
        published.incidents = [i1, i2, i3]
        published.anomalies = [a1, a2, a3]
        live.publish(published)
        let metrics = MetricsRegistry()
        let backend = AgentBackend(live: live, metrics: metrics, analysis: AnalysisConfig())
        let printed = Mutex<[String]>([])
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let summarizer = IncidentSummarizer(
            responder: responder, backend: backend, perHour: 2, console: { line in printed.withLock { $0.append(line) } },
            logger: logger, metrics: metrics, interval: .milliseconds(20))
        let group = ServiceGroup(services: [summarizer], logger: logger)
        let run = Task { try await group.run() }
        defer { run.cancel() }

        #expect(await LoopbackHTTPServer.wait { backend.summaries.get("i-1") != nil && backend.summaries.get("i-2") != nil })
        // Let the service pass over the incidents a few more times: nothing is asked twice.
        try await Task.sleep(for: .milliseconds(200))
        await group.triggerGracefulShutdown()
        _ = await run.result

        #expect(server.requests.count == 2)
        #expect(backend.summaries.get("i-3") == nil)  // over summaries_per_hour
        let summary = try #require(await backend.incidentSummary(id: "i-1"))
        #expect(summary.text == "Payments lost its database; check db-1." && summary.provider == "openai")
        #expect(printed.withLock { $0.count } == 2)
        #expect(printed.withLock { $0.first?.hasPrefix("incident i-1 summary (openai):") } == true)
        // The summary prompt carries the incident's evidence.
        #expect(server.requests.first?.bodyText.contains("connection refused") == true)
        let text = metrics.render()
        #expect(text.contains(#"faultmaven_incident_summaries_total{outcome="written"} 2"#))
        #expect(text.contains(#"faultmaven_incident_summaries_total{outcome="rate_limited"} 1"#))
    }
}
