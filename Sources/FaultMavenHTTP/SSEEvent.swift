/// One dispatched server-sent event.
public struct SSEEvent: Sendable, Equatable {
    /// The `event:` field, or `"message"` when the event named none.
    public var type: String
    /// The `data:` lines joined with `\n`.
    public var data: String
    /// The last event id seen so far in the stream (`id:`), if any.
    public var id: String?

    public init(type: String = "message", data: String, id: String? = nil) {
        self.type = type
        self.data = data
        self.id = id
    }
}
