import Foundation

/// An accepted recommendation kept with the incident it solved, for retrieval by later incidents.
public struct PastCaseRecord: Sendable, Codable, Hashable {
    /// Increasing across the database.
    public var id: Int64
    /// Unique: accepting the same recommendation again replaces the case.
    public var recommendationID: String
    public var recommendationText: String
    /// The session it was accepted in (that session may have expired since).
    public var sessionID: String?
    public var incidentSummary: String
    /// The templates of the incident, as given.
    public var templates: [String]
    public var createdAt: Date

    public init(
        id: Int64, recommendationID: String, recommendationText: String, sessionID: String?,
        incidentSummary: String, templates: [String], createdAt: Date
    ) {
        self.id = id
        self.recommendationID = recommendationID
        self.recommendationText = recommendationText
        self.sessionID = sessionID
        self.incidentSummary = incidentSummary
        self.templates = templates
        self.createdAt = createdAt
    }
}
