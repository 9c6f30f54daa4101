/// What a Messages API event stream has said so far.
struct AnthropicStreamState {
    let provider: String
    var text = ""
    var model: String?
    var stopReason: String?
    var inputTokens: Int?
    var outputTokens: Int?

    init(provider: String) { self.provider = provider }

    var usage: LLMTokenUsage? {
        guard inputTokens != nil || outputTokens != nil else { return nil }
        return LLMTokenUsage(inputTokens: inputTokens ?? 0, outputTokens: outputTokens ?? 0)
    }

    /// Applies one event; returns false at `message_stop`.
    mutating func apply(_ event: [String: Any], onText: (String) -> Void) throws(LLMError) -> Bool {
        switch event["type"] as? String {
        case "message_start":
            let message = event["message"] as? [String: Any]
            model = message?["model"] as? String ?? model
            takeUsage(message?["usage"])
        case "content_block_start":
            if let block = event["content_block"] as? [String: Any], block["type"] as? String == "text" {
                append(block["text"] as? String, onText)
            }
        case "content_block_delta":
            if let delta = event["delta"] as? [String: Any], delta["type"] as? String == "text_delta" {
                append(delta["text"] as? String, onText)
            }
        case "message_delta":
            stopReason = (event["delta"] as? [String: Any])?["stop_reason"] as? String ?? stopReason
            takeUsage(event["usage"])
        case "message_stop":
            return false
        case "error":
            let fields = JSONHelpers.errorFields(event)
            let type = fields.type ?? "error"
            let kind: LLMError.Kind =
                switch type {
                case "overloaded_error", "api_error": .serverError
                case "rate_limit_error": .rateLimited
                case "invalid_request_error": .badRequest
                case "authentication_error", "permission_error": .authentication
                default: .serverError
                }
            throw LLMError(kind, provider: provider, message: "\(type): \(fields.message ?? "error event in stream")")
        default:
            break  // ping, content_block_stop and event types added later
        }
        return true
    }

    private mutating func append(_ piece: String?, _ onText: (String) -> Void) {
        guard let piece, !piece.isEmpty else { return }
        text += piece
        onText(piece)
    }

    private mutating func takeUsage(_ value: Any?) {
        guard let u = value as? [String: Any] else { return }
        inputTokens = JSONHelpers.int(u["input_tokens"]) ?? inputTokens
        outputTokens = JSONHelpers.int(u["output_tokens"]) ?? outputTokens
    }
}
