/// One event a `ForwardReceiver` decoded, with the message it came in.
struct ForwardEvent: Sendable, Equatable {
    let tag: String
    let timeNanos: Int64
    /// Whether the time came as EventTime (ext 0) rather than integer seconds.
    let eventTime: Bool
    let fields: [String: String]
    /// The message's carrier mode: "message", "forward", "packed_forward" or "compressed_packed_forward".
    let mode: String
    /// The message's `chunk` option.
    let chunk: String?
}
