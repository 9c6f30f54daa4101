import Foundation

/// An incident as kept across restarts: its span, its anomalies (JSON), and what was concluded.
public struct IncidentRecord: Sendable, Codable, Hashable {
    public var id: String
    public var start: Date
    public var end: Date
    /// The incident's anomalies as a JSON document (the caller's encoding).
    public var anomaliesJSON: String
    public var summary: String
    public var rootCauses: [String]
    public var nextSteps: [String]
    /// Set by the store on every write.
    public var updatedAt: Date

    public init(
        id: String, start: Date, end: Date, anomaliesJSON: String, summary: String, rootCauses: [String] = [],
        nextSteps: [String] = [], updatedAt: Date = Date(timeIntervalSince1970: 0)
    ) {
        self.id = id
        self.start = start
        self.end = end
        self.anomaliesJSON = anomaliesJSON
        self.summary = summary
        self.rootCauses = rootCauses
        self.nextSteps = nextSteps
        self.updatedAt = updatedAt
    }
}
