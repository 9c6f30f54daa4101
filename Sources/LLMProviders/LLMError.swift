/// Why a model call failed or was refused. Never holds an API key.
///
/// `shouldFallBack` tells callers whether answering from the offline knowledge base instead makes
/// sense (the provider is unreachable, failing, slow, refusing, out of budget) or not (the request
/// itself is wrong, or the caller cancelled).
public struct LLMError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// The server rejected the request as malformed (HTTP 400, 404, 413, 422) or it was unusable.
        case badRequest = "bad_request"
        /// The API key is missing, wrong or lacks permission (HTTP 401, 403).
        case authentication
        /// The server asked us to slow down (HTTP 429).
        case rateLimited = "rate_limited"
        /// The server failed (HTTP 5xx, Anthropic `overloaded_error`, an error event mid-stream).
        case serverError = "server_error"
        /// The network failed: refused, DNS, TLS, connection lost, answer too large.
        case network
        /// No answer in time (one attempt or the whole call with its retries).
        case timeout
        /// The server answered something that is not the expected wire format.
        case invalidResponse = "invalid_response"
        /// The provider is not usable as configured (no API key, bad base URL).
        case configuration
        /// The circuit breaker is open after repeated failures.
        case circuitOpen = "circuit_open"
        /// The hourly request or token budget is used up.
        case budgetExhausted = "budget_exhausted"
        /// Too many calls are already waiting for a slot.
        case overloaded
        /// The caller cancelled.
        case cancelled
    }

    public let kind: Kind
    /// The provider's name.
    public let provider: String
    public let message: String
    /// The HTTP status, when the server answered.
    public let status: Int?
    /// How long the server asked us to wait (`Retry-After`), when it did.
    public let retryAfter: Duration?
    /// Whether trying the same request again may succeed.
    public let isRetryable: Bool

    public init(
        _ kind: Kind, provider: String, message: String, status: Int? = nil, retryAfter: Duration? = nil,
        isRetryable: Bool? = nil
    ) {
        self.kind = kind
        self.provider = provider
        self.message = message
        self.status = status
        self.retryAfter = retryAfter
        self.isRetryable = isRetryable ?? [.rateLimited, .serverError, .network, .timeout].contains(kind)
    }

    /// True unless the request was bad or the caller cancelled.
    public var shouldFallBack: Bool { kind != .badRequest && kind != .cancelled }

    /// True for failures that say the provider is unhealthy (they feed the circuit breaker).
    public var isProviderFailure: Bool {
        [.rateLimited, .serverError, .network, .timeout, .invalidResponse, .authentication].contains(kind)
    }

    public var description: String {
        var text = "\(provider): \(kind.rawValue.replacingOccurrences(of: "_", with: " "))"
        if let status { text += " (HTTP \(status))" }
        text += ": \(message)"
        if let retryAfter { text += "; server asked to retry after \(retryAfter.formattedSeconds)" }
        return text
    }
}

extension Duration {
    /// The duration in seconds as a Double.
    var inSeconds: Double {
        let (s, atto) = components
        return Double(s) + Double(atto) / 1e18
    }

    /// "1.5 s", "120 s".
    var formattedSeconds: String {
        let s = inSeconds
        return s == s.rounded() ? "\(Int(s)) s" : "\((s * 10).rounded() / 10) s"
    }
}
