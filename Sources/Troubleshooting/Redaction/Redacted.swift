/// Text after redaction, with how many spans of each kind were replaced.
public struct Redacted: Sendable, Hashable {
    /// The text with placeholders in place of what was found.
    public var text: String
    /// Spans replaced, by kind.
    public var counts: [RedactionKind: Int]

    public init(text: String, counts: [RedactionKind: Int] = [:]) {
        self.text = text
        self.counts = counts
    }

    /// Spans replaced in total.
    public var total: Int { counts.values.reduce(0, +) }

    /// Adds another redaction's counts to these.
    public mutating func add(_ other: [RedactionKind: Int]) {
        for (k, v) in other { counts[k, default: 0] += v }
    }
}
