import FaultMavenCore
import Foundation
import LLMProviders
import Logging
import Troubleshooting

/// `analyze -c fluent.conf` with an `<llm>` provider: each incident also gets the model's summary
/// (`llm_summary`, `llm_provider`), at most `summaries_per_hour` of them, one call at a time.
/// Without a provider, or when a call fails, the report keeps the knowledge base's summary only,
/// and stays deterministic.
public enum AnalyzeSummaries {
    public static func add(to report: inout AnalyzeReport, config: AgentConfig?, logger: Logger) async throws {
        guard let config, let settings = config.llm.settings, config.llm.incidentSummaries, !report.incidents.isEmpty else {
            return
        }
        let provider: any LLMProvider
        do {
            provider = try settings.makeProvider()
        } catch {
            throw FaultMavenError.badInput("\(config.path): <llm>: \(error.message)")
        }
        let redactor = Redactor(emails: config.llm.redactEmails, ipAddresses: config.llm.redactIPs)
        let responder = LLMResponder(
            provider: provider,
            builder: ContextBuilder(prompts: config.llm.prompts, redactor: redactor, tokenBudget: config.llm.contextTokens),
            maxTokens: config.llm.maxTokens, temperature: config.llm.temperature, logger: logger)
        let byID = Dictionary(report.anomalies.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for i in report.incidents.indices.prefix(max(0, config.llm.summariesPerHour)) {
            let row = report.incidents[i]
            let members = row.anomalies.compactMap { byID[$0] }
            let errors = members.flatMap(\.samples).prefix(20)
            guard let response = await responder.summarize(
                anomalies: members, incident: nil, recentErrors: Array(errors), sourceSummaries: row.sources)
            else { continue }
            let text = response.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { continue }
            report.incidents[i].llmSummary = text
            report.incidents[i].llmProvider = response.provider
        }
    }
}
