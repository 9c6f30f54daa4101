/// Something that answers a troubleshooting question: the offline `BuiltinResponder`, or an
/// `LLMResponder` that asks a configured model and falls back to the built-in one.
public protocol Responder: Sendable {
    /// Name of the configured answerer (`builtin`, `openai`, `anthropic`).
    var providerName: String { get }
    func answer(_ context: TroubleshootingContext) async -> TroubleshootingAnswer
}

extension BuiltinResponder: Responder {
    public var providerName: String { Self.providerName }
}
