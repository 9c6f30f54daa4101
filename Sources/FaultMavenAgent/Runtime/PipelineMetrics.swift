import FaultMavenCore
import LogAnalysis

/// The pipeline's self-metrics (names are part of the contract, see docs/METRICS.md).
/// Handles are cached per source so the hot path does one atomic add per record.
struct PipelineMetrics: Sendable {
    let records: MetricFamily
    let parseFailures: MetricFamily
    let errorRatio: MetricFamily
    let anomalies: MetricFamily
    let templates: Gauge
    let templatesEvicted: Counter
    let templateSearchesCut: Counter
    let queue: Gauge
    let outputRecords: MetricFamily
    private var levelCounters: [String: [Counter?]] = [:]

    init(_ m: MetricsRegistry) {
        records = m.counterFamily("faultmaven_records_total", help: "Events parsed, by source and level.", labels: ["source", "level"])
        parseFailures = m.counterFamily("faultmaven_parse_failures_total", help: "Lines the configured parser did not match (kept as plain messages).", labels: ["source"])
        errorRatio = m.gaugeFamily("faultmaven_error_ratio", help: "Share of ERROR/FATAL events in the current window, by source.", labels: ["source"])
        anomalies = m.counterFamily("faultmaven_anomalies_total", help: "Anomalies opened, by kind.", labels: ["kind"])
        templates = m.gauge("faultmaven_templates", help: "Message templates currently held by the miner.")
        templatesEvicted = m.counter("faultmaven_templates_evicted_total", help: "Templates evicted at the miner's limit.")
        templateSearchesCut = m.counter(
            "faultmaven_template_searches_cut_total", help: "Searches for a new message's template stopped at the miner's search limit.")
        queue = m.gauge("faultmaven_pipeline_queue_batches", help: "Line batches waiting for the pipeline.")
        outputRecords = m.counterFamily("faultmaven_output_records_total", help: "Records written by outputs, by output type.", labels: ["output"])
        for kind in AnomalyKind.allCases { _ = anomalies.counter(kind.rawValue) }
    }

    mutating func countRecord(source: String, level: Level) {
        let index = Level.allCases.firstIndex(of: level)!
        if levelCounters[source] == nil { levelCounters[source] = Array(repeating: nil, count: Level.allCases.count) }
        if let c = levelCounters[source]![index] {
            c.increment()
        } else {
            let c = records.counter(source, level.name)
            levelCounters[source]![index] = c
            c.increment()
        }
    }
}
