/// A responder's answer: prose for people, structure for tools.
public struct TroubleshootingAnswer: Sendable, Codable, Hashable {
    public struct Recommendation: Sendable, Codable, Hashable {
        /// Stable for the same advice, so feedback on it can be remembered.
        public var id: String
        public var text: String
    }

    public struct RootCause: Sendable, Codable, Hashable {
        public var title: String
        public var cause: String
        /// 0...1.
        public var confidence: Double
        public var evidence: [String]
    }

    public var response: String
    public var recommendations: [Recommendation]
    public var rootCauses: [RootCause]
    /// Which responder answered (`builtin` when no LLM is configured).
    public var provider: String

    public init(response: String, recommendations: [Recommendation], rootCauses: [RootCause], provider: String) {
        self.response = response
        self.recommendations = recommendations
        self.rootCauses = rootCauses
        self.provider = provider
    }
}
