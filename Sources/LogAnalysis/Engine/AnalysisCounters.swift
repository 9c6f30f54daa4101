/// Counts of what the bounds forced the analysis to drop, and of what it found.
public struct AnalysisCounters: Sendable, Codable, Hashable {
    /// Records observed.
    public var records = 0
    /// Sources evicted because `maxSources` were tracked.
    public var sourcesEvicted = 0
    /// Templates evicted from per-source tables (evicted sources included).
    public var templatesEvicted = 0
    /// Numeric series evicted from per-source tables (evicted sources included).
    public var metricSeriesEvicted = 0
    /// Records older than a source's whole history, left out of its buckets.
    public var lateRecords = 0
    /// Raw events dropped from the per-source evidence rings to stay within `recentEventBytes`.
    public var recentEventsEvicted = 0
    /// Anomalies evicted because `maxAnomalies` were kept.
    public var anomaliesEvicted = 0
    /// Incidents evicted because `maxIncidents` were kept.
    public var incidentsEvicted = 0
    /// Anomalies opened per kind (raw value → count).
    public var anomaliesOpened: [String: Int] = [:]

    public init() {}

    enum CodingKeys: String, CodingKey {
        case records
        case sourcesEvicted = "sources_evicted"
        case templatesEvicted = "templates_evicted"
        case metricSeriesEvicted = "metric_series_evicted"
        case lateRecords = "late_records"
        case recentEventsEvicted = "recent_events_evicted"
        case anomaliesEvicted = "anomalies_evicted"
        case incidentsEvicted = "incidents_evicted"
        case anomaliesOpened = "anomalies_opened"
    }
}
