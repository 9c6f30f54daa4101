/// A language model behind some API. Implementations are stateless between calls and throw only
/// `LLMError`.
public protocol LLMProvider: Sendable {
    /// The provider's short name (`openai`, `anthropic`), used in answers, logs and metrics.
    var name: String { get }
    /// The configured model.
    var model: String { get }

    /// Sends `request` and returns the whole answer. With `request.stream` the answer arrives as
    /// server-sent events and each text fragment is passed to `onText` as it arrives (in order);
    /// without it `onText` is not called.
    func complete(_ request: LLMRequest, onText: @escaping @Sendable (String) -> Void) async throws -> LLMResponse
}

extension LLMProvider {
    /// Sends `request` and returns the whole answer, ignoring streamed fragments.
    public func complete(_ request: LLMRequest) async throws -> LLMResponse {
        try await complete(request, onText: { _ in })
    }
}
