extension KnowledgeBase {
    /// A knowledge entry retrieved for some evidence and question, with why it was chosen.
    public struct Match: Sendable, Hashable {
        public var entry: KnowledgeEntry
        /// Retrieval score (BM25F over the entry's fields plus signature bonuses); higher is better.
        public var score: Double
        /// Evidence weight (events) whose lines matched one of the entry's strong signals.
        public var hits: Int
        /// Whether the question itself pointed at this entry.
        public var topicHit: Bool
        /// Up to three evidence lines that support the entry, strong-signal lines first.
        public var examples: [String]
        /// The strong signals that matched, in the entry's order.
        public var matchedSignals: [String]
        /// 0...1: how sure the match is, from signal hits, the share of evidence and the score.
        public var confidence: Double
    }
}
