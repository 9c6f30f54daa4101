/// A responder's answer: prose for people, structure for tools.
public struct TroubleshootingAnswer: Sendable, Codable, Hashable {
    public struct Recommendation: Sendable, Codable, Hashable {
        /// Stable for the same advice, so feedback on it can be remembered.
        public var id: String
        public var text: String

        public init(id: String, text: String) {
            self.id = id
            self.text = text
        }
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
    /// Which responder answered (`builtin` when no LLM is configured or the configured one failed).
    public var provider: String
    /// The model's response as received (the whole body or event stream), when a model answered.
    public var rawLLMResponse: String?
    /// The model that answered, when one did.
    public var model: String?
    /// Why the configured provider did not answer, when the built-in knowledge base answered instead.
    public var fallbackReason: String?

    public init(response: String, recommendations: [Recommendation], rootCauses: [RootCause], provider: String) {
        self.response = response
        self.recommendations = recommendations
        self.rootCauses = rootCauses
        self.provider = provider
    }
}
