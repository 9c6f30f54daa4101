/// What to ask a model. Stateless: the whole conversation goes with every request.
public struct LLMRequest: Sendable, Equatable {
    /// Instructions sent as the system prompt (OpenAI: a leading `system` message; Anthropic: `system`).
    public var systemPrompt: String?
    /// The conversation, oldest first.
    public var messages: [LLMMessage]
    /// Upper bound on generated tokens.
    public var maxTokens: Int
    /// Sampling temperature; nil leaves the server's default.
    public var temperature: Double?
    /// Ask the server to stream the answer (server-sent events); text arrives through `onText`.
    public var stream: Bool

    public init(
        systemPrompt: String? = nil, messages: [LLMMessage], maxTokens: Int = 1024,
        temperature: Double? = nil, stream: Bool = false
    ) {
        self.systemPrompt = systemPrompt
        self.messages = messages
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.stream = stream
    }

    /// A rough token estimate of the prompt (4 characters a token), for budgets when a server
    /// reports no usage.
    public var estimatedInputTokens: Int {
        let chars = (systemPrompt?.count ?? 0) + messages.reduce(0) { $0 + $1.content.count }
        return (chars + 3) / 4
    }
}
