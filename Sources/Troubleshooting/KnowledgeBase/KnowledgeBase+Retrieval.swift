extension KnowledgeBase {
    /// The outcome of one retrieval: ranked matches and how much evidence was read.
    public struct Retrieval: Sendable, Hashable {
        /// Ranked best first.
        public var matches: [Match]
        /// Distinct evidence lines read.
        public var readLines: Int
        /// Evidence lines (repeats included) not read because of `KnowledgeBase.maxEvidenceLines`.
        public var skippedLines: Int
    }
}
