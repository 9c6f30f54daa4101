import Foundation

/// One question and its answer in a session.
public struct TurnRecord: Sendable, Codable, Hashable {
    /// Increasing across the database: later turns have larger ids.
    public var id: Int64
    public var sessionID: String
    public var at: Date
    public var question: String
    public var answer: String
    /// The LLM provider that answered (`builtin` when none).
    public var provider: String
    /// In the order offered.
    public var recommendations: [RecommendationRecord]

    public init(
        id: Int64, sessionID: String, at: Date, question: String, answer: String, provider: String,
        recommendations: [RecommendationRecord]
    ) {
        self.id = id
        self.sessionID = sessionID
        self.at = at
        self.question = question
        self.answer = answer
        self.provider = provider
        self.recommendations = recommendations
    }

    public var recommendationIDs: [String] { recommendations.map(\.id) }
}
