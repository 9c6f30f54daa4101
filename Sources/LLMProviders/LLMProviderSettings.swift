import FaultMavenCore
import FaultMavenHTTP
import Foundation

/// Settings for a networked provider (the `<faultmaven><llm>` section), turned into a ready,
/// resilience-wrapped provider by `makeProvider`.
public struct LLMProviderSettings: Sendable {
    /// The wire format spoken.
    public enum Kind: String, Sendable, CaseIterable {
        case openai
        case anthropic
    }

    public var kind: Kind
    /// Nil uses the vendor's public endpoint.
    public var baseURL: String?
    public var model: String
    /// Nil sends no key (local OpenAI-compatible servers). Anthropic requires one.
    public var apiKey: APIKeySource?
    /// Longest time for one HTTP attempt; `resilience.totalTimeout` bounds the whole call.
    public var requestTimeout: Duration
    public var connectTimeout: Duration
    public var caBundlePath: String?
    public var insecure: Bool
    public var resilience: ResilienceOptions

    public init(
        kind: Kind, baseURL: String? = nil, model: String, apiKey: APIKeySource? = nil,
        requestTimeout: Duration = .seconds(60), connectTimeout: Duration = .seconds(10), caBundlePath: String? = nil,
        insecure: Bool = false, resilience: ResilienceOptions = ResilienceOptions()
    ) {
        self.kind = kind
        self.baseURL = baseURL
        self.model = model
        self.apiKey = apiKey
        self.requestTimeout = requestTimeout
        self.connectTimeout = connectTimeout
        self.caBundlePath = caBundlePath
        self.insecure = insecure
        self.resilience = resilience
    }

    /// `https://api.openai.com/v1` or `https://api.anthropic.com`.
    public static func defaultBaseURL(for kind: Kind) -> String {
        switch kind {
        case .openai: "https://api.openai.com/v1"
        case .anthropic: "https://api.anthropic.com"
        }
    }

    /// Resolves the key and builds the provider. Throws a `.configuration` error naming what is
    /// missing or wrong (never the key).
    public func makeProvider(
        client: HTTPClient = .shared, metrics: MetricsRegistry? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(LLMError) -> ResilientLLMProvider {
        let name = kind.rawValue
        let url = baseURL ?? Self.defaultBaseURL(for: kind)
        guard let c = URLComponents(string: url), ["http", "https"].contains(c.scheme?.lowercased() ?? ""), c.host?.isEmpty == false else {
            throw LLMError(.configuration, provider: name, message: "base_url must be an absolute http or https URL")
        }
        guard !model.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw LLMError(.configuration, provider: name, message: "no model is configured")
        }
        let key = try apiKey?.resolve(provider: name, environment: environment)
        if kind == .anthropic && key == nil {
            throw LLMError(.configuration, provider: name, message: "the anthropic provider needs api_key_env or api_key_file")
        }
        let endpoint = LLMEndpoint(
            baseURL: url, model: model, apiKey: key, connectTimeout: connectTimeout, requestTimeout: requestTimeout,
            caBundlePath: caBundlePath, insecure: insecure)
        let base: any LLMProvider =
            switch kind {
            case .openai: OpenAIChatProvider(endpoint: endpoint, client: client)
            case .anthropic: AnthropicMessagesProvider(endpoint: endpoint, client: client)
            }
        return ResilientLLMProvider(base, options: resilience, metrics: metrics)
    }
}
