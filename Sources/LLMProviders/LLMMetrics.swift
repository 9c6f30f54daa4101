import FaultMavenCore

/// The LLM layer's metric families in a `MetricsRegistry`.
///
/// The registry has counters and gauges only (no histogram), and `promtool check metrics` rejects
/// hand-made `_bucket`/`_sum` families, so durations are two gauges: the last call's duration and
/// the cumulative time spent (mean latency = rate(time spent) / rate(requests)).
public struct LLMMetrics: Sendable {
    let requests: MetricFamily
    let tokens: MetricFamily
    let retries: MetricFamily
    let lastDuration: MetricFamily
    let timeSpent: MetricFamily

    public init(registry: MetricsRegistry) {
        requests = registry.counterFamily(
            "faultmaven_llm_requests_total", help: "LLM calls by provider and outcome (success or the error kind).",
            labels: ["provider", "outcome"])
        tokens = registry.counterFamily(
            "faultmaven_llm_tokens_total", help: "Tokens sent (input) and generated (output) per provider.",
            labels: ["provider", "direction"])
        retries = registry.counterFamily(
            "faultmaven_llm_retries_total", help: "LLM attempts retried after a retryable failure.", labels: ["provider"])
        lastDuration = registry.gaugeFamily(
            "faultmaven_llm_request_duration_seconds", help: "Duration of the last LLM call, retries included.",
            labels: ["provider"])
        timeSpent = registry.gaugeFamily(
            "faultmaven_llm_time_spent_seconds", help: "Cumulative seconds spent in LLM calls, retries included.",
            labels: ["provider"])
    }

    func recordCall(provider: String, outcome: String, seconds: Double) {
        requests.counter(provider, outcome).increment()
        lastDuration.gauge(provider).set(seconds)
        timeSpent.gauge(provider).add(seconds)
    }

    func recordTokens(provider: String, usage: LLMTokenUsage) {
        tokens.counter(provider, "input").increment(by: usage.inputTokens)
        tokens.counter(provider, "output").increment(by: usage.outputTokens)
    }

    func recordRetry(provider: String) {
        retries.counter(provider).increment()
    }
}
