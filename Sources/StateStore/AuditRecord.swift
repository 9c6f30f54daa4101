import Foundation

/// One line of the audit log.
public struct AuditRecord: Sendable, Codable, Hashable {
    /// Increasing across the database.
    public var id: Int64
    public var at: Date
    /// A short verb such as `session.create`, `data.add`, `feedback.reject`.
    public var action: String
    public var sessionID: String?
    public var detail: String

    public init(id: Int64, at: Date, action: String, sessionID: String?, detail: String) {
        self.id = id
        self.at = at
        self.action = action
        self.sessionID = sessionID
        self.detail = detail
    }
}
