import FaultMavenCore

/// Metric handles of one output and its buffer (label `output`).
///
/// - `faultmaven_ship_records_sent_total`, `faultmaven_ship_bytes_sent_total` (wire bytes)
/// - `faultmaven_ship_retries_total` (attempts after a failure), `faultmaven_ship_failures_total` (failed attempts)
/// - `faultmaven_ship_buffer_bytes`, `faultmaven_ship_buffer_chunks` (gauges)
/// - `faultmaven_ship_dropped_records_total{reason}`: `overflow`, `torn_chunk`, `shutdown`,
///   `unreadable_chunk`, `no_dead_letter`, `dead_letter_full`
/// - `faultmaven_ship_dead_letter_records_total`
public struct ShipMetrics: Sendable {
    public let recordsSent: Counter
    public let bytesSent: Counter
    public let retries: Counter
    public let failures: Counter
    public let bufferBytes: Gauge
    public let bufferChunks: Gauge
    public let deadLettered: Counter
    private let dropped: MetricFamily
    private let output: String

    public init(registry: MetricsRegistry, output: String) {
        self.output = output
        recordsSent = registry.counterFamily("faultmaven_ship_records_sent_total", help: "Records delivered by the output.", labels: ["output"]).counter(output)
        bytesSent = registry.counterFamily("faultmaven_ship_bytes_sent_total", help: "Bytes the output wrote (encoded and compressed).", labels: ["output"]).counter(output)
        retries = registry.counterFamily("faultmaven_ship_retries_total", help: "Chunk sends retried after a failure.", labels: ["output"]).counter(output)
        failures = registry.counterFamily("faultmaven_ship_failures_total", help: "Chunk sends that failed.", labels: ["output"]).counter(output)
        bufferBytes = registry.gaugeFamily("faultmaven_ship_buffer_bytes", help: "Record bytes held in the output's buffer.", labels: ["output"]).gauge(output)
        bufferChunks = registry.gaugeFamily("faultmaven_ship_buffer_chunks", help: "Chunks held in the output's buffer (open, queued, in flight).", labels: ["output"]).gauge(output)
        deadLettered = registry.counterFamily("faultmaven_ship_dead_letter_records_total", help: "Records written to the dead-letter file.", labels: ["output"]).counter(output)
        dropped = registry.counterFamily("faultmaven_ship_dropped_records_total", help: "Records dropped by the output's buffer, by reason.", labels: ["output", "reason"])
    }

    /// Counts `n` dropped records for `reason`.
    public func drop(_ n: Int, reason: String) {
        guard n > 0 else { return }
        dropped.counter(output, reason).increment(by: n)
    }
}
