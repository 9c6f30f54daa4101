import Foundation

/// One template of a source at snapshot time.
public struct TemplateSnapshot: Sendable, Codable, Hashable {
    public var id: Int
    public var template: String
    /// Highest level seen with it (`ERROR`, `INFO`, ...).
    public var level: String
    public var count: Int
    public var firstSeen: Date
    public var lastSeen: Date

    public init(id: Int, template: String, level: String, count: Int, firstSeen: Date, lastSeen: Date) {
        self.id = id
        self.template = template
        self.level = level
        self.count = count
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
    }

    enum CodingKeys: String, CodingKey {
        case id, template, level, count
        case firstSeen = "first_seen"
        case lastSeen = "last_seen"
    }
}
