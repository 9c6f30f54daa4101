import Foundation

/// One outbound HTTP request with its limits.
public struct HTTPRequest: Sendable {
    /// `GET`, `POST`, `PUT`, `DELETE`, `HEAD`, … (upper case).
    public var method: String
    /// An absolute `http` or `https` URL.
    public var url: String
    public var headers: HTTPHeaders
    public var body: Data?
    /// Longest wait for the TCP (and TLS) connection.
    public var connectTimeout: Duration
    /// Longest time for the whole transfer, connection included (streams included).
    public var totalTimeout: Duration
    /// Largest response body accepted (after content decoding); larger fails with `.responseTooLarge`.
    public var maxResponseBytes: Int
    /// A PEM file of trusted CA certificates instead of the system bundle.
    public var caBundlePath: String?
    /// Skips TLS certificate and host name verification. Off by default; for test rigs only.
    public var insecure: Bool
    /// Connect to this checked address instead of resolving the URL's host (see `HTTPHostPin`).
    public var pin: HTTPHostPin?

    public init(
        method: String = "GET", url: String, headers: HTTPHeaders = [:], body: Data? = nil,
        connectTimeout: Duration = .seconds(10), totalTimeout: Duration = .seconds(60),
        maxResponseBytes: Int = 16 * 1024 * 1024, caBundlePath: String? = nil, insecure: Bool = false,
        pin: HTTPHostPin? = nil
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maxResponseBytes = maxResponseBytes
        self.caBundlePath = caBundlePath
        self.insecure = insecure
        self.pin = pin
    }

    /// `scheme://host[:port]` of the URL: safe to show, it never holds the path, query or credentials.
    public var target: String {
        guard let c = URLComponents(string: url), let scheme = c.scheme, let host = c.host, !host.isEmpty else {
            return "<invalid URL>"
        }
        let h = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return c.port.map { "\(scheme)://\(h):\($0)" } ?? "\(scheme)://\(h)"
    }
}
