/// Who wrote a message in a conversation.
public enum LLMRole: String, Sendable, Equatable, Codable {
    case system
    case user
    case assistant
}
