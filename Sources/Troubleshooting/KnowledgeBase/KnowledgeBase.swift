/// The built-in, offline knowledge base: common failure modes of services and hosts.
///
/// It answers when no LLM is configured and grounds LLM answers. Entries are retrieved by
/// BM25F over their titles, signals, topics, causes and steps (an index built once per
/// knowledge base), and strong signals matched line by line add a fixed bonus.
public struct KnowledgeBase: Sendable {
    /// The entries, in index order.
    public let entries: [KnowledgeEntry]
    let index: BM25Index
    let signatures: [[Signature]]
    let positions: [String: Int]

    /// Entries scoring below this are not returned.
    public var minScore: Double = 5.0
    /// Evidence lines read per retrieval; the rest are counted in `Retrieval.skippedLines`.
    public static let maxEvidenceLines = 400
    /// Bytes of one evidence line that are read.
    public static let maxLineBytes = 2_000
    /// Added to a line's BM25 score for an entry whose strong signal the line shows.
    static let signatureBonus = 6.0
    /// The most a line's BM25 part can add (see `squash`).
    static let maxLineScore = 15.0
    /// Added in proportion to the share of evidence weight showing an entry's strong signals.
    static let shareBonus = 8.0
    /// Without a strong signal, an entry needs this fraction of the best score when others have one.
    static let relativeFloor = 0.6
    /// Distinct terms a text must share with an entry for its BM25 score to count.
    static let minSharedTerms = 2

    /// Field weights: what a signal or a title says counts more than the words of a step.
    static let fieldWeights = (title: 3.0, signals: 3.0, topics: 2.0, causes: 1.0, steps: 0.5)

    /// The built-in entries, indexed once for the process.
    public static let builtin = KnowledgeBase(entries: builtinEntries)

    /// The built-in knowledge base (shared; the index is not rebuilt).
    public init() {
        self = Self.builtin
    }

    /// A knowledge base over `entries`; builds the index.
    public init(entries: [KnowledgeEntry]) {
        self.entries = entries
        let w = Self.fieldWeights
        index = BM25Index(documents: entries.map { e in
            [
                .init(text: e.title, weight: w.title),
                .init(text: e.signals.joined(separator: " "), weight: w.signals),
                .init(text: e.topics.joined(separator: " "), weight: w.topics),
                .init(text: e.likelyCauses.joined(separator: " "), weight: w.causes),
                .init(text: e.nextSteps.joined(separator: " "), weight: w.steps),
            ]
        })
        signatures = entries.map { $0.signals.map(Signature.init) }
        positions = Dictionary(entries.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// The entry with `id`, if any.
    public func entry(id: String) -> KnowledgeEntry? {
        positions[id].map { entries[$0] }
    }

    /// Whether `term` (a `SearchTokenizer` term) occurs anywhere in the knowledge base.
    public func knows(term: String) -> Bool { index.contains(term: term) }

    /// Entries for free text alone (a question or a pasted line), best first.
    public func search(_ text: String, limit: Int = 5) -> [Match] {
        retrieve(question: text, evidence: [], limit: limit)
    }

    /// Entries supported by `evidence` (plain lines, weight 1) and `question`, best first.
    public func match(evidence: [String], question: String, limit: Int = 10) -> [Match] {
        retrieve(question: question, evidence: evidence.map { EvidenceLine($0) }, limit: limit)
    }
}
