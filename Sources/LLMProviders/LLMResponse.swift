/// A model's answer.
public struct LLMResponse: Sendable, Equatable {
    /// The generated text (streamed answers assembled).
    public var text: String
    /// The provider that answered (`openai`, `anthropic`, …).
    public var provider: String
    /// The model the server says answered (falls back to the configured one).
    public var model: String
    /// Token usage when the server reported it.
    public var usage: LLMTokenUsage?
    /// The raw response body (JSON, or the event stream as received), for "show the raw answer".
    public var rawResponse: String
    /// Why generation stopped (`stop`, `length`, `end_turn`, `max_tokens`, …) when reported.
    public var finishReason: String?

    public init(
        text: String, provider: String, model: String, usage: LLMTokenUsage?, rawResponse: String, finishReason: String?
    ) {
        self.text = text
        self.provider = provider
        self.model = model
        self.usage = usage
        self.rawResponse = rawResponse
        self.finishReason = finishReason
    }
}
