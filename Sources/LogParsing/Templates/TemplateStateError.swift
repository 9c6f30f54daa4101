/// A stored template that a ``TemplateMiner`` cannot take back (damaged, or written with other
/// miner settings); the whole state is refused.
public struct TemplateStateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The stored template's id.
    public var id: Int
    /// What is wrong with it.
    public var reason: String

    public init(id: Int, reason: String) {
        self.id = id
        self.reason = reason
    }

    public var description: String { "stored template \(id): \(reason)" }
}
