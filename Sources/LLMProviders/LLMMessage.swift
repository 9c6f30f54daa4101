/// One message of a conversation sent to a model.
public struct LLMMessage: Sendable, Equatable {
    public var role: LLMRole
    public var content: String

    public init(role: LLMRole, content: String) {
        self.role = role
        self.content = content
    }

    public static func user(_ content: String) -> LLMMessage { LLMMessage(role: .user, content: content) }
    public static func assistant(_ content: String) -> LLMMessage { LLMMessage(role: .assistant, content: content) }
}
