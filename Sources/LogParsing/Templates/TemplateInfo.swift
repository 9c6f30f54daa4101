/// A snapshot of one live template.
public struct TemplateInfo: Sendable, Hashable {
    /// Stable id of the template.
    public var id: Int
    /// The template, tokens joined by single spaces, values written `<*>`.
    public var template: String
    /// Messages assigned to it.
    public var count: Int
    /// Sequence number (1-based count of `add` calls) of the message that created it.
    public var firstSequence: Int
    /// Sequence number of the last message assigned to it.
    public var lastSequence: Int

    public init(id: Int, template: String, count: Int, firstSequence: Int, lastSequence: Int) {
        self.id = id
        self.template = template
        self.count = count
        self.firstSequence = firstSequence
        self.lastSequence = lastSequence
    }
}
