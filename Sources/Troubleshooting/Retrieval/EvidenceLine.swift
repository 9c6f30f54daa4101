/// A line of evidence for knowledge-base retrieval: a message, a template or an anomaly
/// sample, with how many events it stands for (a template's count).
public struct EvidenceLine: Sendable, Hashable {
    public var text: String
    /// How many events the line stands for; at least 1.
    public var weight: Int

    public init(_ text: String, weight: Int = 1) {
        self.text = text
        self.weight = max(1, weight)
    }
}
