/// What a ``TemplateMiner`` learned, to store and restore it (``TemplateMiner/exportState()``,
/// ``TemplateMiner/init(config:restoring:)``), so that template ids survive a restart.
public struct TemplateMinerState: Sendable, Hashable, Codable {
    /// The live templates, in no particular order.
    public var templates: [StoredTemplate]
    /// The id the next new template gets. Kept because ids are never reused: a template evicted
    /// before the state was exported may have had an id above every live one. `0` when unknown
    /// (a state stored without it): the restored miner then continues after the highest live id.
    public var nextID: Int

    public init(templates: [StoredTemplate], nextID: Int = 0) {
        self.templates = templates
        self.nextID = nextID
    }

    private enum CodingKeys: String, CodingKey {
        case templates
        case nextID = "next_id"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        templates = try c.decode([StoredTemplate].self, forKey: .templates)
        nextID = try c.decodeIfPresent(Int.self, forKey: .nextID) ?? 0
    }
}
