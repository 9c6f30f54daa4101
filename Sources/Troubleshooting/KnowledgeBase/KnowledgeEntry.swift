import LogAnalysis

/// One failure mode the offline knowledge base recognizes: how it shows in logs, what usually
/// causes it, and what an engineer should check next.
public struct KnowledgeEntry: Sendable, Hashable, Codable {
    /// Stable id (`disk-full`), used in recommendation ids and feedback.
    public var id: String
    /// The family the entry belongs to (`storage`, `network`, `postgres`, ...).
    public var family: String
    public var title: String
    /// How bad this failure usually is for the service that shows it.
    public var severity: Severity
    /// Strong signals: lower-case phrases matched as substrings of a line. A signal written
    /// `a & b` matches a line that contains every part.
    public var signals: [String]
    /// Words that describe the entry (`disk`, `oom`); they weigh in retrieval and questions.
    public var topics: [String]
    /// Usual root causes, most common first.
    public var likelyCauses: [String]
    /// Concrete next steps, with commands where there is one.
    public var nextSteps: [String]

    public init(
        id: String, family: String, title: String, severity: Severity, signals: [String], topics: [String],
        likelyCauses: [String], nextSteps: [String]
    ) {
        self.id = id
        self.family = family
        self.title = title
        self.severity = severity
        self.signals = signals
        self.topics = topics
        self.likelyCauses = likelyCauses
        self.nextSteps = nextSteps
    }

    /// The causes as one sentence for people: the most common first, the others after it.
    public var likelyCause: String {
        guard let first = likelyCauses.first else { return "" }
        let rest = likelyCauses.dropFirst()
        return rest.isEmpty ? first : first + " Also possible: " + rest.joined(separator: "; ")
    }
}
