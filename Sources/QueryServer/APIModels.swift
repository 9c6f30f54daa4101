import Foundation
import Hummingbird
import LogAnalysis
import Troubleshooting

/// `POST /api/query` body; the original FaultMaven shape `{user_id, query, logs, metrics}` works unchanged.
struct QueryRequest: Decodable, Sendable {
    var query: String?
    var logs: [String]?
    var metrics: [String: Double]?
    var userID: String?
    var sessionID: String?

    enum CodingKeys: String, CodingKey {
        case query, logs, metrics
        case userID = "user_id"
        case sessionID = "session_id"
    }
}

struct QueryResponse: ResponseEncodable, Sendable {
    var sessionID: String
    var response: String
    var recommendations: [String]
    var recommendationIDs: [String]
    var rootCauses: [TroubleshootingAnswer.RootCause]
    var pastCases: [PastCaseResponse]
    var anomalies: [Anomaly]
    var insights: [LogDigest]
    var provider: String
    var rawLlmResponse: String?
    var model: String?
    var fallbackReason: String?

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(sessionID, forKey: .sessionID)
        try c.encode(response, forKey: .response)
        try c.encode(recommendations, forKey: .recommendations)
        try c.encode(recommendationIDs, forKey: .recommendationIDs)
        try c.encode(rootCauses, forKey: .rootCauses)
        try c.encode(pastCases, forKey: .pastCases)
        try c.encode(anomalies, forKey: .anomalies)
        try c.encode(insights, forKey: .insights)
        try c.encode(provider, forKey: .provider)
        // Always present (null without an LLM), as the original FaultMaven response had it.
        try c.encode(rawLlmResponse, forKey: .rawLlmResponse)
        try c.encodeIfPresent(model, forKey: .model)
        try c.encodeIfPresent(fallbackReason, forKey: .fallbackReason)
    }

    enum Keys: String, CodingKey {
        case response, recommendations, anomalies, insights, provider, model
        case sessionID = "session_id"
        case fallbackReason = "fallback_reason"
        case recommendationIDs = "recommendation_ids"
        case rootCauses = "root_causes"
        case pastCases = "past_cases"
        case rawLlmResponse = "raw_llm_response"
    }
}

/// `POST /api/data` JSON body: `{type: "text"|"file", content, name?}` or `{type: "url", url, name?}`.
struct DataRequest: Decodable, Sendable {
    var type: String
    var content: String?
    var url: String?
    var name: String?
    var sessionID: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case type, content, url, name
        case sessionID = "session_id"
    }

    /// Unknown keys are refused (400), as the OpenAPI document declares.
    init(from decoder: any Decoder) throws {
        let any = try decoder.container(keyedBy: AnyCodingKey.self)
        let known = Set(CodingKeys.allCases.map(\.rawValue))
        if let unknown = any.allKeys.first(where: { !known.contains($0.stringValue) }) {
            throw APIError.badRequest("unknown key '\(unknown.stringValue.prefix(40))' (expected type, content, url, name, session_id)")
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = try c.decode(String.self, forKey: .type)
        content = try c.decodeIfPresent(String.self, forKey: .content)
        url = try c.decodeIfPresent(String.self, forKey: .url)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        sessionID = try c.decodeIfPresent(String.self, forKey: .sessionID)
    }
}

/// Any JSON object key.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

struct DataResponse: ResponseEncodable, Sendable {
    var sessionID: String
    /// `text`, `file` or `url`.
    var type: String
    /// The item's name in the session.
    var name: String
    var summary: String
    var insights: LogDigest
}

struct SessionResponse: ResponseEncodable, Sendable {
    var sessionID: String
    var userID: String?
    var createdAt: Date
    var lastActive: Date
    var turns: [Session.Turn]
    var data: [LogDigest]
    var feedback: [Session.Feedback]

    init(_ s: Session) {
        sessionID = s.id
        userID = s.userID
        createdAt = s.createdAt
        lastActive = s.lastActive
        turns = s.turns
        data = s.digests
        feedback = s.feedback
    }
}

struct AnomaliesResponse: ResponseEncodable, Sendable {
    var anomalies: [Anomaly]
}

struct TemplatesResponse: ResponseEncodable, Sendable {
    var templates: [TemplateRow]
}

struct IncidentResponse: ResponseEncodable, Sendable {
    var incident: Incident
    var anomalies: [Anomaly]
    /// The model's summary, when an LLM is configured and answered.
    var summary: IncidentSummary?
}

struct StoredIncidentsResponse: ResponseEncodable, Sendable {
    var incidents: [StoredIncident]
}

/// `GET /api/incidents/{id}` for an incident found only in the state database (an earlier run).
struct StoredIncidentResponse: ResponseEncodable, Sendable {
    var incident: StoredIncident
    var stored = true
}

struct StatusResponse: ResponseEncodable, Sendable {
    var version: String
    var ready: Bool
    var uptimeSeconds: Double
    var provider: String
    var analysis: AnalysisSnapshot
}
