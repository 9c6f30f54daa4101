/// Everything a provider receives for one request, already redacted and within the budget
/// (unless the system prompt and the question alone exceed it; see `overBudget`).
public struct PreparedPrompt: Sendable, Hashable {
    /// Which configured prompt is the system prompt.
    public var kind: PromptKind
    /// The system prompt (redacted like everything else).
    public var system: String
    /// The conversation: earlier turns (oldest first), then the user message with the evidence
    /// and the question last.
    public var messages: [ChatMessage]
    /// Estimated tokens of `system` and `messages` together (`ContextBuilder.estimateTokens`).
    public var estimatedTokens: Int
    /// The budget the builder worked to.
    public var tokenBudget: Int
    /// Items left out per section (`anomalies`, `templates`, `samples`, `knowledge`, `data`,
    /// `history`); each omission is also marked in the text.
    public var omitted: [String: Int]
    /// Secrets replaced in the text, by kind.
    public var redactions: [RedactionKind: Int]
    /// Knowledge-base entries included as context.
    public var knowledgeIDs: [String]

    /// True when even the system prompt and the question exceed the budget.
    public var overBudget: Bool { estimatedTokens > tokenBudget }

    /// All the text that leaves the host, for inspection and tests.
    public var fullText: String { ([system] + messages.map(\.content)).joined(separator: "\n") }
}
