/// What an anomaly is about. Raw values are the `kind` strings of the analyze JSON contract.
public enum AnomalyKind: String, Sendable, Codable, Hashable, CaseIterable {
    /// The error share of a source rose far above its own baseline.
    case errorRate = "error_rate"
    /// An error template never seen before on a source appeared and recurred.
    case newPattern = "new_pattern"
    /// A numeric value carried by a source's lines (a latency, a size) shifted far from its baseline.
    case metricShift = "metric_shift"
    /// A source that logged steadily stopped logging.
    case silence = "silence"
    /// The line rate of a source changed far beyond its normal range.
    case volume = "volume"
}
