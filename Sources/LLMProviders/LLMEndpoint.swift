import FaultMavenHTTP

/// Where a provider's server is and how to talk to it.
public struct LLMEndpoint: Sendable {
    /// OpenAI-compatible: up to the version, e.g. `https://api.openai.com/v1`,
    /// `http://localhost:11434/v1`. Anthropic: the host, e.g. `https://api.anthropic.com`.
    /// A query string (Azure's `?api-version=`) is kept after the path.
    public var baseURL: String
    public var model: String
    /// Nil for local servers that need none.
    public var apiKey: APIKey?
    public var connectTimeout: Duration
    /// Longest time for one HTTP attempt (the resilience wrapper bounds the whole call).
    public var requestTimeout: Duration
    /// Largest response accepted (JSON body or whole event stream).
    public var maxResponseBytes: Int
    /// Largest single server-sent event accepted.
    public var maxEventBytes: Int
    /// A PEM CA bundle for servers behind a private CA.
    public var caBundlePath: String?
    /// Skip TLS verification (test rigs only).
    public var insecure: Bool
    /// Extra header fields sent with every request (e.g. an organization id).
    public var extraHeaders: HTTPHeaders

    public init(
        baseURL: String, model: String, apiKey: APIKey? = nil, connectTimeout: Duration = .seconds(10),
        requestTimeout: Duration = .seconds(120), maxResponseBytes: Int = 8 * 1024 * 1024,
        maxEventBytes: Int = 1024 * 1024, caBundlePath: String? = nil, insecure: Bool = false,
        extraHeaders: HTTPHeaders = [:]
    ) {
        self.baseURL = baseURL
        self.model = model
        self.apiKey = apiKey
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.maxResponseBytes = maxResponseBytes
        self.maxEventBytes = maxEventBytes
        self.caBundlePath = caBundlePath
        self.insecure = insecure
        self.extraHeaders = extraHeaders
    }

    /// `baseURL` with `path` appended before any query string.
    func url(appending path: String) -> String {
        let parts = baseURL.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var base = String(parts[0])
        while base.hasSuffix("/") { base.removeLast() }
        return base + path + (parts.count > 1 ? "?" + parts[1] : "")
    }
}
