/// What the engineer said about a recommendation.
public enum FeedbackVerdict: String, Sendable, Codable, Hashable, CaseIterable {
    case accept, reject
}
