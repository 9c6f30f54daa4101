/// Settings of the `http` output (Fluentd's out_http / Fluent Bit's http, where they apply).
public struct HTTPOutputConfig: Sendable {
    public enum Auth: Sendable, Equatable {
        case none
        case basic(username: String, password: String)
        case bearer(token: String)
    }

    /// Output name (metrics label); `@id` in the config.
    public var name: String
    /// Absolute `http://` or `https://` URL the chunks are POSTed to.
    public var endpoint: String
    public var method: String
    public var encoding: RecordEncoding
    public var compress: BodyCompression
    public var zstdLevel: Int32
    /// Extra request headers (`headers {"X-Key":"v"}`).
    public var headers: [(String, String)]
    public var auth: Auth
    /// PEM bundle of trusted CAs (`tls_ca_cert_path`); nil: the system store.
    public var caBundlePath: String?
    /// `tls_verify_peer false`: no certificate or host verification. For test rigs only.
    public var insecure: Bool
    public var connectTimeout: Duration
    /// Whole request (`read_timeout` in spirit).
    public var totalTimeout: Duration
    /// Status codes treated as retryable besides 408, 429 and 5xx (`retryable_response_codes`).
    public var extraRetryableStatus: Set<Int>

    public init(
        name: String, endpoint: String, method: String = "POST", encoding: RecordEncoding = RecordEncoding(),
        compress: BodyCompression = .none, zstdLevel: Int32 = 3, headers: [(String, String)] = [], auth: Auth = .none,
        caBundlePath: String? = nil, insecure: Bool = false, connectTimeout: Duration = .seconds(10),
        totalTimeout: Duration = .seconds(60), extraRetryableStatus: Set<Int> = []
    ) {
        self.name = name
        self.endpoint = endpoint
        self.method = method
        self.encoding = encoding
        self.compress = compress
        self.zstdLevel = zstdLevel
        self.headers = headers
        self.auth = auth
        self.caBundlePath = caBundlePath
        self.insecure = insecure
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.extraRetryableStatus = extraRetryableStatus
    }
}
