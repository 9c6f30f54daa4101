import Foundation

/// The latest verdict on one recommendation in one session.
public struct FeedbackRecord: Sendable, Codable, Hashable {
    public var recommendationID: String
    public var sessionID: String
    public var verdict: FeedbackVerdict
    /// The recommendation's text, copied so it outlives the turn that offered it.
    public var recommendationText: String
    public var comment: String?
    public var at: Date

    public init(
        recommendationID: String, sessionID: String, verdict: FeedbackVerdict, recommendationText: String,
        comment: String?, at: Date
    ) {
        self.recommendationID = recommendationID
        self.sessionID = sessionID
        self.verdict = verdict
        self.recommendationText = recommendationText
        self.comment = comment
        self.at = at
    }
}
