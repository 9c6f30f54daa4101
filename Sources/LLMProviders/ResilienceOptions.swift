/// Limits and retry behaviour of a `ResilientLLMProvider`.
public struct ResilienceOptions: Sendable {
    /// Longest time for a whole call: waiting for a slot, every attempt and every backoff.
    public var totalTimeout: Duration
    /// Attempts per call (1 = no retries).
    public var maxAttempts: Int
    /// First backoff ceiling; the ceiling doubles per retry up to `maxBackoff` (full jitter:
    /// the wait is uniform in zero…ceiling).
    public var initialBackoff: Duration
    public var maxBackoff: Duration
    /// A server asking to wait longer than this (`Retry-After`) ends the call instead.
    public var maxRetryAfter: Duration
    /// Consecutive failed attempts that open the circuit breaker.
    public var failureThreshold: Int
    /// How long the breaker stays open before letting one probe call through.
    public var cooldown: Duration
    /// Calls in flight at once; more wait for a slot.
    public var maxConcurrent: Int
    /// Calls allowed to wait for a slot; more are refused.
    public var maxWaiting: Int
    /// Attempts allowed per hour (nil: unlimited).
    public var requestsPerHour: Int?
    /// Tokens (input + output) allowed per hour (nil: unlimited).
    public var tokensPerHour: Int?

    public init(
        totalTimeout: Duration = .seconds(120), maxAttempts: Int = 3, initialBackoff: Duration = .milliseconds(500),
        maxBackoff: Duration = .seconds(20), maxRetryAfter: Duration = .seconds(60), failureThreshold: Int = 5,
        cooldown: Duration = .seconds(60), maxConcurrent: Int = 4, maxWaiting: Int = 64,
        requestsPerHour: Int? = nil, tokensPerHour: Int? = nil
    ) {
        self.totalTimeout = totalTimeout
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.maxRetryAfter = maxRetryAfter
        self.failureThreshold = max(1, failureThreshold)
        self.cooldown = cooldown
        self.maxConcurrent = max(1, maxConcurrent)
        self.maxWaiting = max(0, maxWaiting)
        self.requestsPerHour = requestsPerHour
        self.tokensPerHour = tokensPerHour
    }

    /// The full-jitter wait before retry number `retry` (1-based), `random` in 0..<1.
    public func backoff(retry: Int, random: Double) -> Duration {
        let doublings = min(max(0, retry - 1), 30)
        let ceiling = min(maxBackoff.inSeconds, initialBackoff.inSeconds * Double(1 << doublings))
        let seconds = max(0, min(1, random)) * ceiling
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }
}
