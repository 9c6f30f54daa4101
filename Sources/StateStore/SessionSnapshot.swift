/// A session with everything it owns, read in one transaction.
public struct SessionSnapshot: Sendable, Codable, Hashable {
    public var session: SessionRecord
    /// Oldest first.
    public var turns: [TurnRecord]
    /// Oldest first.
    public var dataItems: [DataItemRecord]
    /// Oldest first.
    public var feedback: [FeedbackRecord]

    public init(session: SessionRecord, turns: [TurnRecord], dataItems: [DataItemRecord], feedback: [FeedbackRecord]) {
        self.session = session
        self.turns = turns
        self.dataItems = dataItems
        self.feedback = feedback
    }
}
