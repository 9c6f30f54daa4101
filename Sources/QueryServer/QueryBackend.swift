import Foundation
import LogAnalysis
import Troubleshooting

/// One mined template as the API shows it.
public struct TemplateRow: Sendable, Codable, Hashable {
    public var id: Int
    public var template: String
    public var count: Int
    public var level: String

    public init(id: Int, template: String, count: Int, level: String) {
        self.id = id
        self.template = template
        self.count = count
        self.level = level
    }
}

/// A model's summary of an incident, written when the incident opened (`<llm> incident_summaries`).
public struct IncidentSummary: Sendable, Codable, Hashable {
    public var text: String
    public var provider: String
    public var model: String?
    public var createdAt: Date

    public init(text: String, provider: String, model: String?, createdAt: Date) {
        self.text = text
        self.provider = provider
        self.model = model
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case text, provider, model
        case createdAt = "created_at"
    }
}

/// An incident as the state database keeps it (this run's and earlier runs'); `id` carries the
/// run's start time (`20261125T031500-i-3`).
public struct StoredIncident: Sendable, Codable, Hashable {
    public var id: String
    public var start: Date
    public var end: Date
    public var summary: String
    public var rootCauses: [String]
    public var nextSteps: [String]
    public var anomalies: [Anomaly]
    public var updatedAt: Date

    public init(
        id: String, start: Date, end: Date, summary: String, rootCauses: [String], nextSteps: [String], anomalies: [Anomaly],
        updatedAt: Date
    ) {
        self.id = id
        self.start = start
        self.end = end
        self.summary = summary
        self.rootCauses = rootCauses
        self.nextSteps = nextSteps
        self.anomalies = anomalies
        self.updatedAt = updatedAt
    }
}

/// What the query port reads from the running agent. The agent implements it; tests use small fakes.
public protocol QueryBackend: LiveAnalysis {
    /// True once every source has started and the pipeline runs.
    func isReady() async -> Bool
    /// The agent's metrics in Prometheus text format.
    func metricsText() async -> String
    func snapshot() async -> AnalysisSnapshot
    func anomalies(since: Date?) async -> [Anomaly]
    func incidents() async -> [Incident]
    func templates(limit: Int) async -> [TemplateRow]
    /// The model's summary of incident `id`, when one was written.
    func incidentSummary(id: String) async -> IncidentSummary?
    /// Incidents in the state database, newest first (empty without one).
    func storedIncidents(limit: Int) async -> [StoredIncident]
    /// One stored incident by its stored id.
    func storedIncident(id: String) async -> StoredIncident?
}

extension QueryBackend {
    public func incidentSummary(id: String) async -> IncidentSummary? { nil }
    public func storedIncidents(limit: Int) async -> [StoredIncident] { [] }
    public func storedIncident(id: String) async -> StoredIncident? { nil }
}
