/// One recommendation offered in an answer. Its id is unique across the database, so feedback can
/// name it alone.
public struct RecommendationRecord: Sendable, Codable, Hashable {
    public var id: String
    public var text: String

    public init(id: String, text: String) {
        self.id = id
        self.text = text
    }
}
