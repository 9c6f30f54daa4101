import Foundation

/// Anomalies that overlap in time (within `AnalysisConfig.incidentGap`), on any sources, grouped as one.
public struct Incident: Sendable, Codable, Hashable, Identifiable {
    /// Stable, deterministic id: `i-1`, `i-2`, ... in opening order.
    public var id: String
    /// Earliest start of its anomalies.
    public var start: Date
    /// Latest end of its anomalies.
    public var end: Date
    /// Its anomalies, in opening order.
    public var anomalyIDs: [String]
    /// Sources involved, sorted.
    public var sources: [String]
    /// Kinds involved, sorted by raw value.
    public var kinds: [AnomalyKind]
    /// The highest severity among its anomalies.
    public var severity: Severity
    /// Templates of its anomalies, in joining order (at most `maxTemplates`).
    public var templates: [String]
    /// Raw lines from its anomalies' sources that illustrate them, in joining order.
    public var samples: [SampleLine]

    /// Most templates listed per incident.
    public static let maxTemplates = 10

    public init(
        id: String, start: Date, end: Date, anomalyIDs: [String], sources: [String], kinds: [AnomalyKind],
        severity: Severity, templates: [String] = [], samples: [SampleLine] = []
    ) {
        self.id = id
        self.start = start
        self.end = end
        self.anomalyIDs = anomalyIDs
        self.sources = sources
        self.kinds = kinds
        self.severity = severity
        self.templates = templates
        self.samples = samples
    }

    /// JSON keys follow the analyze contract (`anomalies` holds the ids).
    enum CodingKeys: String, CodingKey {
        case id, start, end, sources, kinds, severity, templates, samples
        case anomalyIDs = "anomalies"
    }

    /// Adds `anomaly` to the incident, widening its time span and its lists.
    mutating func absorb(_ anomaly: Anomaly) {
        start = min(start, anomaly.start)
        end = max(end, anomaly.end)
        if !anomalyIDs.contains(anomaly.id) { anomalyIDs.append(anomaly.id) }
        if !sources.contains(anomaly.source) {
            sources.append(anomaly.source)
            sources.sort()
        }
        if !kinds.contains(anomaly.kind) {
            kinds.append(anomaly.kind)
            kinds.sort { $0.rawValue < $1.rawValue }
        }
        severity = max(severity, anomaly.severity)
        if let t = anomaly.template, templates.count < Self.maxTemplates, !templates.contains(t) { templates.append(t) }
    }

    /// Adds `lines` as evidence, keeping at most `limit` lines.
    mutating func addSamples(_ lines: [SampleLine], limit: Int) {
        for line in lines where samples.count < limit && !samples.contains(line) { samples.append(line) }
    }
}
