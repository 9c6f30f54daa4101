/// One message of a provider request: plain values the provider layer maps to its wire format.
public struct ChatMessage: Sendable, Codable, Hashable {
    public var role: ChatRole
    public var content: String

    public init(role: ChatRole, content: String) {
        self.role = role
        self.content = content
    }
}
