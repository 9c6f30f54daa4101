/// A past case retrieved for a set of templates, with its similarity.
public struct PastCaseMatch: Sendable, Codable, Hashable {
    public var pastCase: PastCaseRecord
    /// Jaccard similarity of the template token sets, in 0...1.
    public var score: Double
    /// Tokens the query and the case share.
    public var sharedTokens: Int

    public init(pastCase: PastCaseRecord, score: Double, sharedTokens: Int) {
        self.pastCase = pastCase
        self.score = score
        self.sharedTokens = sharedTokens
    }
}
