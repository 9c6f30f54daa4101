import Foundation
import Synchronization

/// FaultMaven's outbound HTTP client over libcurl.
///
/// Each transfer runs on a thread of its own that the client starts and owns, never on the
/// cooperative pool; at most `maxConcurrentTransfers` run at once and further requests wait
/// (suspended) for a slot, up to `maxWaitingRequests`. libcurl's environment proxy handling
/// (`HTTPS_PROXY`, `HTTP_PROXY`, `NO_PROXY`) stays on, responses are decoded from gzip, deflate,
/// brotli and zstd, idle connections are reused. Cancelling the calling task aborts the transfer.
/// Every thrown error is an `HTTPClientError`.
public final class HTTPClient: Sendable {
    /// A client shared by the whole process.
    public static let shared = HTTPClient()

    private let limiter: ConcurrencyLimiter
    private let pool: CurlHandlePool

    public init(maxConcurrentTransfers: Int = 8, maxWaitingRequests: Int = 256) {
        limiter = ConcurrencyLimiter(limit: maxConcurrentTransfers, maxWaiting: maxWaitingRequests)
        pool = CurlHandlePool(capacity: maxConcurrentTransfers)
    }

    /// Transfers running right now.
    public var activeTransfers: Int { limiter.active }
    /// Requests waiting for a transfer slot right now.
    public var waitingRequests: Int { limiter.waiting }

    /// Sends `request` and returns the whole response once the body has arrived.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try validate(request)
        try await acquireSlot(for: request)
        let transfer = CurlTransfer(request: request)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, any Error>) in
                startThread { [limiter, pool] in
                    let result = transfer.run(pool: pool)
                    limiter.release()
                    continuation.resume(with: result.map { HTTPResponse(head: $0, body: transfer.body) }.mapError { $0 })
                }
            }
        } onCancel: {
            transfer.cancel()
        }
    }

    /// Sends `request` and returns as soon as the status and headers have arrived; the body then
    /// arrives chunk by chunk through the returned response's `body` stream (for server-sent events).
    public func stream(_ request: HTTPRequest) async throws -> HTTPStreamingResponse {
        try validate(request)
        try await acquireSlot(for: request)
        let (body, sink) = AsyncThrowingStream<Data, any Error>.makeStream(bufferingPolicy: .unbounded)
        let headSignal = OneShot<HTTPResponseHead>()
        let transfer = CurlTransfer(
            request: request,
            onHead: { headSignal.fulfil(.success($0)) },
            onChunk: { chunk in
                if case .terminated = sink.yield(chunk) { return false }
                return true
            })
        sink.onTermination = { termination in
            if case .cancelled = termination { transfer.cancel() }
        }
        startThread { [limiter, pool] in
            let result = transfer.run(pool: pool)
            limiter.release()
            switch result {
            case .success(let head):
                headSignal.fulfil(.success(head))
                sink.finish()
            case .failure(let error):
                headSignal.fulfil(.failure(error))
                sink.finish(throwing: error)
            }
        }
        let head = try await withTaskCancellationHandler {
            try await headSignal.value()
        } onCancel: {
            transfer.cancel()
        }
        return HTTPStreamingResponse(head: head, body: body, transfer: transfer)
    }

    private func validate(_ request: HTTPRequest) throws(HTTPClientError) {
        let target = request.target
        guard target != "<invalid URL>", request.url.lowercased().hasPrefix("http://") || request.url.lowercased().hasPrefix("https://") else {
            throw HTTPClientError(.invalidRequest, target: target, detail: "the URL must be an absolute http or https URL")
        }
        guard !request.method.isEmpty, request.method.allSatisfy({ $0.isLetter && $0.isASCII }) else {
            throw HTTPClientError(.invalidRequest, target: target, detail: "invalid method \"\(request.method.prefix(20))\"")
        }
        for (name, value) in request.headers {
            let bad = name.isEmpty || name.contains(where: { $0 == ":" || $0.isWhitespace || $0.isNewline })
                || value.contains(where: { $0.isNewline || $0 == "\0" })
            if bad {
                throw HTTPClientError(.invalidRequest, target: target, detail: "invalid header field \"\(name.prefix(40))\"")
            }
        }
        if let pin = request.pin {
            guard !pin.addresses.isEmpty, pin.addresses.allSatisfy({ IPAddress($0) != nil }), !pin.host.isEmpty, (1...65535).contains(pin.port),
                !pin.host.contains(where: { $0.isWhitespace || $0.isNewline || $0 == "," })
            else {
                throw HTTPClientError(.invalidRequest, target: target, detail: "invalid address pin for \(pin.host.prefix(60))")
            }
        }
        guard request.maxResponseBytes > 0 else {
            throw HTTPClientError(.invalidRequest, target: target, detail: "maxResponseBytes must be positive")
        }
    }

    private func acquireSlot(for request: HTTPRequest) async throws(HTTPClientError) {
        do {
            try await limiter.acquire()
        } catch ConcurrencyLimiter.Refusal.queueFull(let limit, let waiting) {
            throw HTTPClientError(
                .overloaded, target: request.target,
                detail: "\(waiting) requests already wait for one of \(limit) transfer slots")
        } catch {
            throw HTTPClientError(.cancelled, target: request.target, detail: "the request was cancelled")
        }
    }

    private func startThread(_ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.name = "faultmaven-http"
        thread.stackSize = 1024 * 1024
        thread.start()
    }
}
