/// Why an HTTP request failed. `target` is `scheme://host[:port]` only: never a path, a query
/// string or credentials.
public struct HTTPClientError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// Nothing accepted the TCP connection (refused, unreachable).
        case connectionRefused
        /// The host (or the proxy) name did not resolve.
        case dns
        /// The connect or total timeout expired.
        case timeout
        /// TLS handshake or certificate verification failed.
        case tls
        /// The response body exceeded `maxResponseBytes`.
        case responseTooLarge
        /// The task was cancelled or the stream's consumer went away.
        case cancelled
        /// The connection broke mid-transfer or the server sent nothing or garbage.
        case connectionLost
        /// Too many requests were already waiting for a transfer slot.
        case overloaded
        /// The request itself is unusable (bad URL, scheme, header).
        case invalidRequest
        /// Any other transfer failure.
        case transport
    }

    public let kind: Kind
    public let target: String
    public let detail: String

    public init(_ kind: Kind, target: String, detail: String) {
        self.kind = kind
        self.target = target
        self.detail = detail
    }

    /// True when trying again later might succeed (the network, not the request, failed).
    public var isTransient: Bool {
        switch kind {
        case .connectionRefused, .dns, .timeout, .connectionLost, .overloaded, .transport: true
        case .tls, .responseTooLarge, .cancelled, .invalidRequest: false
        }
    }

    public var description: String {
        "HTTP request to \(target) failed (\(kind.rawValue)): \(detail)"
    }
}
