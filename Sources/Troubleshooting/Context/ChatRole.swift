/// Who speaks in a chat message.
public enum ChatRole: String, Sendable, Codable, Hashable {
    case system, user, assistant
}
