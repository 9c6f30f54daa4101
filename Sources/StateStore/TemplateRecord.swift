import Foundation

/// One log template as kept across restarts: its ids, text and counters for queries, and the
/// miner's own description of it (`stateJSON`, the caller's encoding) to rebuild the miner.
public struct TemplateRecord: Sendable, Codable, Hashable {
    /// The template's own id (positive, unique).
    public var id: Int
    /// The id reported for it (its own, or that of the template it is a variant of).
    public var groupID: Int
    /// The template text, values written `<*>`.
    public var text: String
    /// Messages assigned to it.
    public var count: Int
    /// The miner's sequence number of the last message assigned to it (the most recent are kept).
    public var lastSequence: Int
    /// The highest level logged with it (`ERROR`, `WARN`, …; `UNKNOWN` when none).
    public var level: String
    /// The miner's description of the template as a JSON document.
    public var stateJSON: String
    /// Set by the store on every write.
    public var updatedAt: Date

    public init(
        id: Int, groupID: Int, text: String, count: Int, lastSequence: Int, level: String = "UNKNOWN", stateJSON: String,
        updatedAt: Date = Date(timeIntervalSince1970: 0)
    ) {
        self.id = id
        self.groupID = groupID
        self.text = text
        self.count = count
        self.lastSequence = lastSequence
        self.level = level
        self.stateJSON = stateJSON
        self.updatedAt = updatedAt
    }
}
