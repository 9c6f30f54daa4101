import Foundation

/// One troubleshooting conversation (`X-Session-ID`), as read from the state database.
public struct Session: Sendable, Codable, Hashable {
    /// One question, its answer and the recommendations offered with it.
    public struct Turn: Sendable, Codable, Hashable {
        public var at: Date
        public var question: String
        public var answer: String
        /// The responder that answered (`builtin`, `openai`, ...).
        public var provider: String
        /// In the order offered; ids are the ones feedback names.
        public var recommendations: [TroubleshootingAnswer.Recommendation]

        public init(
            at: Date, question: String, answer: String, provider: String = BuiltinResponder.providerName,
            recommendations: [TroubleshootingAnswer.Recommendation] = []
        ) {
            self.at = at
            self.question = question
            self.answer = answer
            self.provider = provider
            self.recommendations = recommendations
        }

        public var recommendationIDs: [String] { recommendations.map(\.id) }
    }

    /// The engineer's latest verdict on one recommendation offered in this session.
    public struct Feedback: Sendable, Codable, Hashable {
        public var recommendationID: String
        /// `accept` or `reject`.
        public var verdict: String
        public var recommendation: String
        public var comment: String?
        public var at: Date

        public init(recommendationID: String, verdict: String, recommendation: String, comment: String?, at: Date) {
            self.recommendationID = recommendationID
            self.verdict = verdict
            self.recommendation = recommendation
            self.comment = comment
            self.at = at
        }

        public var isRejection: Bool { verdict == "reject" }
    }

    public var id: String
    public var userID: String?
    public var createdAt: Date
    public var lastActive: Date
    /// Oldest first; bounded by the state database's `maxTurnsPerSession`.
    public var turns: [Turn] = []
    /// Data submitted in this session, oldest first; bounded by `maxDataBytesPerSession`.
    public var digests: [LogDigest] = []
    /// Oldest first.
    public var feedback: [Feedback] = []

    public init(id: String, userID: String?, now: Date) {
        self.id = id
        self.userID = userID
        self.createdAt = now
        self.lastActive = now
    }

    /// The recommendations the engineer rejected in this session, oldest first.
    public var rejected: [Feedback] { feedback.filter(\.isRejection) }
}
