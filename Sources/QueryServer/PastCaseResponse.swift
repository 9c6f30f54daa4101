import Foundation
import StateStore

/// A past case as the API shows it: an accepted fix and the incident it solved.
struct PastCaseResponse: Encodable, Sendable {
    var recommendationID: String
    var recommendation: String
    var incidentSummary: String
    var templates: [String]
    var sessionID: String?
    var createdAt: Date
    /// Template similarity to the current context (0...1), when retrieved for one.
    var score: Double?

    init(_ c: PastCaseRecord, score: Double?) {
        recommendationID = c.recommendationID
        recommendation = c.recommendationText
        incidentSummary = c.incidentSummary
        templates = Array(c.templates.prefix(10))
        sessionID = c.sessionID
        createdAt = c.createdAt
        self.score = score
    }

    init(_ match: PastCaseMatch) {
        self.init(match.pastCase, score: match.score)
    }

    enum CodingKeys: String, CodingKey {
        case recommendation, templates, score
        case recommendationID = "recommendation_id"
        case incidentSummary = "incident_summary"
        case sessionID = "session_id"
        case createdAt = "created_at"
    }
}
