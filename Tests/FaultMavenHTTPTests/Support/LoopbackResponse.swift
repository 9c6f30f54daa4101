import Foundation

/// How the loopback server answers one request.
public enum LoopbackResponse: Sendable {
    /// A complete response with `Content-Length`.
    case fixed(status: Int, headers: [(String, String)], body: Data)
    /// A `Transfer-Encoding: chunked` response: the head, then each chunk flushed on its own,
    /// with `pause` between chunks; with a `gate`, chunks after the first wait until it opens.
    case chunked(status: Int, headers: [(String, String)], chunks: [Data], pause: Duration, gate: LoopbackGate? = nil)
    /// Sends the head only (when `sendHead`) and then nothing until the client hangs up.
    case stall(sendHead: Bool)
    /// Closes the connection without answering.
    case close

    /// A fixed text response.
    public static func text(_ body: String, status: Int = 200, headers: [(String, String)] = []) -> LoopbackResponse {
        .fixed(status: status, headers: [("Content-Type", "text/plain")] + headers, body: Data(body.utf8))
    }

    /// A fixed JSON response.
    public static func json(_ body: String, status: Int = 200, headers: [(String, String)] = []) -> LoopbackResponse {
        .fixed(status: status, headers: [("Content-Type", "application/json")] + headers, body: Data(body.utf8))
    }

    /// A `text/event-stream` response sending each string as one chunk.
    public static func eventStream(_ chunks: [String], pause: Duration = .zero, gate: LoopbackGate? = nil) -> LoopbackResponse {
        .chunked(
            status: 200, headers: [("Content-Type", "text/event-stream"), ("Cache-Control", "no-cache")],
            chunks: chunks.map { Data($0.utf8) }, pause: pause, gate: gate)
    }
}
