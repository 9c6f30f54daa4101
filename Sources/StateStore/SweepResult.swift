/// What an expiry sweep deleted.
public struct SweepResult: Sendable, Codable, Hashable {
    public var sessions: Int
    public var turns: Int
    public var dataItems: Int
    public var feedback: Int

    public init(sessions: Int = 0, turns: Int = 0, dataItems: Int = 0, feedback: Int = 0) {
        self.sessions = sessions
        self.turns = turns
        self.dataItems = dataItems
        self.feedback = feedback
    }

    /// `2 sessions, 5 turns, 1 data items, 0 feedback`.
    public var summary: String { "\(sessions) sessions, \(turns) turns, \(dataItems) data items, \(feedback) feedback" }
}
