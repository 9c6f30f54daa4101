import Foundation

/// One troubleshooting session as stored.
public struct SessionRecord: Sendable, Codable, Hashable {
    public var id: String
    public var userID: String?
    public var createdAt: Date
    public var lastActivity: Date

    public init(id: String, userID: String?, createdAt: Date, lastActivity: Date) {
        self.id = id
        self.userID = userID
        self.createdAt = createdAt
        self.lastActivity = lastActivity
    }
}
