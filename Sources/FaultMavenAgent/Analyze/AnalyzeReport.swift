import Foundation
import LogAnalysis
import Troubleshooting

/// The `analyze --format json` document (ARCHITECTURE §5). Encoded with snake_case keys.
public struct AnalyzeReport: Sendable, Codable {
    public struct FileRow: Sendable, Codable {
        public var path: String
        public var lines: Int
        public var events: Int
        public var format: String
        public var levels: [String: Int]
        public var truncatedLines: Int
        public var invalidUtf8Lines: Int
        public var parseFailures: Int
    }

    public struct TemplateRow: Sendable, Codable {
        public var id: Int
        public var template: String
        public var count: Int
        public var level: String
        public var firstSeen: Date?
        public var lastSeen: Date?
        public var sources: [String]
    }

    public struct IncidentRow: Sendable, Codable {
        public var id: String
        public var start: Date
        public var end: Date
        public var anomalies: [String]
        public var sources: [String]
        public var severity: String
        public var summary: String
        public var rootCauses: [TroubleshootingAnswer.RootCause]
        public var nextSteps: [String]
        /// The LLM's summary, when `-c` configures a provider and it answered.
        public var llmSummary: String?
        public var llmProvider: String?
    }

    public var files: [FileRow]
    public var templates: [TemplateRow]
    public var anomalies: [Anomaly]
    public var incidents: [IncidentRow]
    public var summary: String
}
