/// How a `ForwardReceiver` answers a message that asks for an ack (`chunk` option).
enum ForwardAckBehaviour: Sendable, Equatable {
    /// Keep the events and answer `{"ack": chunk}`.
    case ack
    /// Keep the events and answer an ack for another chunk.
    case wrongAck
    /// Keep the events and never answer (the ack is "lost").
    case silent
    /// Drop the events and close the connection (a receiver failing mid-chunk).
    case dropAndClose
}
