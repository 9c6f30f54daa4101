/// Which of the three configurable prompts a request uses; the raw value is the config key.
public enum PromptKind: String, Sendable, Codable, Hashable, CaseIterable {
    /// A question with no incident evidence attached.
    case generalQuery = "general_query_prompt"
    /// A question with anomalies, errors or submitted logs to reason over.
    case troubleshooting = "troubleshooting_prompt"
    /// The one-off summary written when an incident opens.
    case logSummary = "log_summary_prompt"
}
