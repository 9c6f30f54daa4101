import Foundation

/// A read-only picture of the analysis: what the query port and the troubleshooting responder read.
public struct AnalysisSnapshot: Sendable, Codable, Hashable {
    /// The latest caller clock the engine saw.
    public var time: Date?
    /// Per-source statistics, sorted by source.
    public var sources: [SourceSnapshot]
    /// Anomalies still open, in opening order.
    public var openAnomalies: [Anomaly]
    /// The latest incidents, newest last (at most 20).
    public var recentIncidents: [Incident]
    public var counters: AnalysisCounters

    public init(
        time: Date?, sources: [SourceSnapshot], openAnomalies: [Anomaly], recentIncidents: [Incident],
        counters: AnalysisCounters
    ) {
        self.time = time
        self.sources = sources
        self.openAnomalies = openAnomalies
        self.recentIncidents = recentIncidents
        self.counters = counters
    }

    enum CodingKeys: String, CodingKey {
        case time, sources, counters
        case openAnomalies = "open_anomalies"
        case recentIncidents = "recent_incidents"
    }
}
