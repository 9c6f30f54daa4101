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
}
