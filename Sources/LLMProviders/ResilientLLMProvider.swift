import FaultMavenCore
import FaultMavenHTTP
import Synchronization

/// Wraps a provider with a total timeout, retries (full-jitter exponential backoff honouring
/// `Retry-After`) on rate limits, server and network errors, a circuit breaker, a concurrency
/// limit and an hourly request/token budget. Every refusal is an `LLMError` saying why.
/// A streamed call is not retried once text has reached `onText`.
public final class ResilientLLMProvider: LLMProvider {
    public let base: any LLMProvider
    public let options: ResilienceOptions
    public let breaker: CircuitBreaker
    public let budget: HourlyBudget
    private let limiter: ConcurrencyLimiter
    private let metrics: LLMMetrics?
    private let env: ResilienceEnvironment

    public var name: String { base.name }
    public var model: String { base.model }

    public init(
        _ base: any LLMProvider, options: ResilienceOptions = ResilienceOptions(), metrics: MetricsRegistry? = nil,
        environment: ResilienceEnvironment = .live
    ) {
        self.base = base
        self.options = options
        breaker = CircuitBreaker(threshold: options.failureThreshold, cooldown: options.cooldown)
        budget = HourlyBudget(requestsPerHour: options.requestsPerHour, tokensPerHour: options.tokensPerHour)
        limiter = ConcurrencyLimiter(limit: options.maxConcurrent, maxWaiting: options.maxWaiting)
        self.metrics = metrics.map(LLMMetrics.init(registry:))
        env = environment
    }

    public func complete(_ request: LLMRequest, onText: @escaping @Sendable (String) -> Void) async throws -> LLMResponse {
        let start = env.now()
        do {
            let response = try await withDeadline { try await self.attempts(request, onText: onText, start: start) }
            metrics?.recordCall(provider: name, outcome: "success", seconds: (env.now() - start).inSeconds)
            return response
        } catch {
            let failure = error as? LLMError ?? LLMError(.cancelled, provider: name, message: "the call was cancelled")
            metrics?.recordCall(provider: name, outcome: failure.kind.rawValue, seconds: (env.now() - start).inSeconds)
            throw failure
        }
    }

    /// Runs `operation` until it finishes or `totalTimeout` passes (then it is cancelled).
    private func withDeadline(_ operation: @escaping @Sendable () async throws -> LLMResponse) async throws -> LLMResponse {
        let timeout = options.totalTimeout
        return try await withThrowingTaskGroup(of: LLMResponse?.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            if let response = try await group.next() ?? nil { return response }
            if Task.isCancelled { throw LLMError(.cancelled, provider: name, message: "the call was cancelled") }
            throw LLMError(.timeout, provider: name, message: "no answer within \(timeout.formattedSeconds) (retries included)")
        }
    }

    private func attempts(
        _ request: LLMRequest, onText: @escaping @Sendable (String) -> Void, start: Duration
    ) async throws(LLMError) -> LLMResponse {
        let streamed = Atomic<Bool>(false)
        let forward: @Sendable (String) -> Void = { piece in
            streamed.store(true, ordering: .relaxed)
            onText(piece)
        }
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try await attemptOnce(request, onText: forward)
            } catch {
                let delay = try retryDelay(after: error, attempt: attempt, start: start, streamed: streamed.load(ordering: .relaxed))
                metrics?.recordRetry(provider: name)
                do {
                    try await env.sleep(delay)
                } catch {
                    throw LLMError(.cancelled, provider: name, message: "the call was cancelled while waiting to retry")
                }
            }
        }
    }

    /// How long to wait before retrying after `error`, or rethrows it when no retry is due.
    private func retryDelay(after error: LLMError, attempt: Int, start: Duration, streamed: Bool) throws(LLMError) -> Duration {
        guard error.isRetryable, !streamed, attempt < options.maxAttempts else { throw error }
        guard let asked = error.retryAfter else { return options.backoff(retry: attempt, random: env.random()) }
        let left = options.totalTimeout - (env.now() - start)
        guard asked <= options.maxRetryAfter, asked < left else {
            throw LLMError(
                error.kind, provider: name,
                message: "\(error.message) (not retried: the server asked to wait \(asked.formattedSeconds))",
                status: error.status, retryAfter: asked, isRetryable: false)
        }
        return asked
    }

    private func attemptOnce(_ request: LLMRequest, onText: @escaping @Sendable (String) -> Void) async throws(LLMError) -> LLMResponse {
        if let why = breaker.admit(now: env.now()) { throw LLMError(.circuitOpen, provider: name, message: why) }
        do {
            try await limiter.acquire()
        } catch {
            breaker.record(.neutral, now: env.now())
            if case ConcurrencyLimiter.Refusal.queueFull(let limit, let waiting) = error {
                throw LLMError(.overloaded, provider: name, message: "\(waiting) calls already wait for one of \(limit) slots")
            }
            throw LLMError(.cancelled, provider: name, message: "the call was cancelled while waiting for a slot")
        }
        defer { limiter.release() }
        if let why = budget.admitRequest(now: env.now()) {
            breaker.record(.neutral, now: env.now())
            throw LLMError(.budgetExhausted, provider: name, message: why)
        }
        do {
            let response = try await base.complete(request, onText: onText)
            breaker.record(.healthy, now: env.now())
            account(response, request: request)
            return response
        } catch {
            let failure = error as? LLMError ?? LLMError(.network, provider: name, message: "\(error)")
            breaker.record(failure.isProviderFailure ? .failed : (failure.kind == .cancelled ? .neutral : .healthy), now: env.now())
            throw failure
        }
    }

    /// Counts tokens (estimated at 4 characters a token when the server reported none).
    private func account(_ response: LLMResponse, request: LLMRequest) {
        let usage = response.usage ?? LLMTokenUsage(inputTokens: request.estimatedInputTokens, outputTokens: (response.text.count + 3) / 4)
        budget.spend(tokens: usage.totalTokens, now: env.now())
        metrics?.recordTokens(provider: name, usage: usage)
    }
}
