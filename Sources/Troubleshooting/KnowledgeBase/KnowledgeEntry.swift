/// One failure mode the offline knowledge base recognizes: how it shows in logs, what usually
/// causes it, and what an engineer should check next.
public struct KnowledgeEntry: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    /// Lower-case substrings; an evidence line matching any of them counts as a hit.
    public var signals: [String]
    /// Words in a question that point at this entry ("disk", "oom").
    public var topics: [String]
    public var likelyCause: String
    public var nextSteps: [String]

    public init(id: String, title: String, signals: [String], topics: [String], likelyCause: String, nextSteps: [String]) {
        self.id = id
        self.title = title
        self.signals = signals
        self.topics = topics
        self.likelyCause = likelyCause
        self.nextSteps = nextSteps
    }

    /// How many of `lines` (already lower-cased) show one of this entry's signals.
    func hits(in lines: [String]) -> Int {
        lines.reduce(0) { n, line in signals.contains { line.contains($0) } ? n + 1 : n }
    }
}
