import Foundation

/// Data submitted to a session (`POST /api/data`): its content (bounded), structured insights and summary.
public struct DataItemRecord: Sendable, Codable, Hashable {
    /// Increasing across the database.
    public var id: Int64
    public var sessionID: String
    public var kind: DataItemKind
    /// File name, URL, or a label for pasted text.
    public var name: String
    /// The content, at most `StateStoreConfig.maxDataItemBytes` bytes of UTF-8.
    public var content: String
    /// True when `content` was cut to the limit.
    public var truncated: Bool
    /// Structured insights as a JSON document (the caller's encoding).
    public var insightsJSON: String
    public var summary: String
    public var addedAt: Date

    public init(
        id: Int64, sessionID: String, kind: DataItemKind, name: String, content: String, truncated: Bool,
        insightsJSON: String, summary: String, addedAt: Date
    ) {
        self.id = id
        self.sessionID = sessionID
        self.kind = kind
        self.name = name
        self.content = content
        self.truncated = truncated
        self.insightsJSON = insightsJSON
        self.summary = summary
        self.addedAt = addedAt
    }
}
