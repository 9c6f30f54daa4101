import Foundation

/// One troubleshooting conversation (`X-Session-ID`).
public struct Session: Sendable, Codable, Hashable {
    public struct Turn: Sendable, Codable, Hashable {
        public var at: Date
        public var question: String
        public var answer: String
        public var recommendationIDs: [String]

        public init(at: Date, question: String, answer: String, recommendationIDs: [String] = []) {
            self.at = at
            self.question = question
            self.answer = answer
            self.recommendationIDs = recommendationIDs
        }
    }

    public var id: String
    public var userID: String?
    public var createdAt: Date
    public var lastActive: Date
    /// Most recent last; bounded by `SessionStore.maxTurns`.
    public var turns: [Turn] = []
    /// Data submitted in this session; bounded by `SessionStore.maxDigests`.
    public var digests: [LogDigest] = []

    public init(id: String, userID: String?, now: Date) {
        self.id = id
        self.userID = userID
        self.createdAt = now
        self.lastActive = now
    }
}
