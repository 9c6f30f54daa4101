/// The built-in, offline knowledge base: common failure modes of services and hosts.
///
/// It answers when no LLM is configured, and grounds LLM answers later. Entries are matched
/// against evidence lines (errors, anomaly samples, user-submitted logs) and question words.
public struct KnowledgeBase: Sendable {
    public var entries: [KnowledgeEntry]

    public init(entries: [KnowledgeEntry] = KnowledgeBase.builtinEntries) {
        self.entries = entries
    }

    /// A match of one entry against the evidence, with the lines that support it.
    public struct Match: Sendable, Hashable {
        public var entry: KnowledgeEntry
        public var hits: Int
        public var topicHit: Bool
        public var examples: [String]
        /// 0...1, grows with the share of evidence lines that match.
        public var confidence: Double
    }

    /// Entries supported by the evidence, best first. `question` words add weight but never
    /// make a match on their own when there is evidence to read.
    public func match(evidence: [String], question: String) -> [Match] {
        let lowered = evidence.map { $0.lowercased() }
        let words = Set(question.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
        var out: [Match] = []
        for entry in entries {
            let hits = entry.hits(in: lowered)
            let topicHit = entry.topics.contains { words.contains($0) }
            guard hits > 0 || (topicHit && evidence.isEmpty) else { continue }
            var examples: [String] = []
            for (i, line) in lowered.enumerated() where entry.signals.contains(where: { line.contains($0) }) {
                examples.append(evidence[i])
                if examples.count == 3 { break }
            }
            let share = evidence.isEmpty ? 0 : Double(hits) / Double(evidence.count)
            let confidence = min(0.95, (hits > 0 ? 0.35 : 0.15) + 0.5 * share + (topicHit ? 0.1 : 0))
            out.append(Match(entry: entry, hits: hits, topicHit: topicHit, examples: examples, confidence: confidence))
        }
        return out.sorted {
            ($0.hits, $0.topicHit ? 1 : 0, $1.entry.id) > ($1.hits, $1.topicHit ? 1 : 0, $0.entry.id)
        }
    }
}
