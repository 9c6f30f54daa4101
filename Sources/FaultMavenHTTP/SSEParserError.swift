/// Why a server-sent event stream could not be parsed.
public enum SSEParserError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One event (its pending line plus its data) grew past the limit.
    case eventTooLarge(limit: Int)

    public var description: String {
        switch self {
        case .eventTooLarge(let limit): "a server-sent event exceeds \(limit) bytes"
        }
    }
}
