import Foundation

/// A response whose head has arrived and whose body arrives in chunks as the server sends them.
///
/// Iterating `body` yields the decoded chunks in order and ends when the transfer ends; it throws an
/// `HTTPClientError` if the transfer fails. Cancelling the iterating task, or calling `cancel()`,
/// aborts the transfer. A response dropped unread keeps its transfer (and a transfer slot) until
/// the body ends or the request's total timeout passes: call `cancel()` when giving up on it.
public struct HTTPStreamingResponse: Sendable {
    public let head: HTTPResponseHead
    public let body: AsyncThrowingStream<Data, any Error>
    private let transfer: CurlTransfer

    init(head: HTTPResponseHead, body: AsyncThrowingStream<Data, any Error>, transfer: CurlTransfer) {
        self.head = head
        self.body = body
        self.transfer = transfer
    }

    public var status: Int { head.status }
    public var headers: HTTPHeaders { head.headers }

    /// Aborts the transfer; `body` then ends with `.cancelled`.
    public func cancel() { transfer.cancel() }

    /// Reads the rest of the body into memory (still bounded by the request's `maxResponseBytes`).
    public func collect() async throws -> Data {
        var out = Data()
        for try await chunk in body { out.append(chunk) }
        return out
    }
}
