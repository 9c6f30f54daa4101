/// What a ``TemplateMiner`` learned, to store and restore it (``TemplateMiner/exportState()``,
/// ``TemplateMiner/init(config:restoring:)``), so that template ids survive a restart.
public struct TemplateMinerState: Sendable, Hashable, Codable {
    /// The live templates, in no particular order.
    public var templates: [StoredTemplate]

    public init(templates: [StoredTemplate]) {
        self.templates = templates
    }
}
