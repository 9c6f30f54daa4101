import FaultMavenCore
import FluentConfig
import Foundation
import LLMProviders
import Troubleshooting

/// The `<faultmaven><llm>` directive: who answers questions and summarizes incidents.
///
///     <llm>
///       provider openai                      # builtin (default) | openai | anthropic
///       base_url http://127.0.0.1:8080/v1    # any OpenAI-compatible server
///       model gpt-4o-mini
///       api_key_env OPENAI_API_KEY           # or api_key_file /etc/faultmaven/key
///       timeout 60s
///     </llm>
public enum LLMOptions {
    static let provider = ParamSpec(
        "provider", .enumeration(["builtin", "openai", "anthropic"]), default: "builtin",
        doc: "Who answers: the offline knowledge base, an OpenAI-compatible server (OpenAI, Azure, Ollama, vLLM, llama.cpp, LM Studio) or Anthropic.")
    static let baseURL = ParamSpec("base_url", .string, doc: "API base URL (default https://api.openai.com/v1 or https://api.anthropic.com).")
    static let model = ParamSpec("model", .string, doc: "Model name; required for openai and anthropic.")
    static let apiKeyEnv = ParamSpec("api_key_env", .string, doc: "Environment variable holding the API key (never logged).")
    static let apiKeyFile = ParamSpec("api_key_file", .string, doc: "File holding the API key (trimmed; never logged).")
    static let timeout = ParamSpec("timeout", .duration, default: "60s", doc: "Longest time for one HTTP attempt.")
    static let totalTimeout = ParamSpec("total_timeout", .duration, default: "120s", doc: "Longest time for a whole call, retries included.")
    static let connectTimeout = ParamSpec("connect_timeout", .duration, default: "10s", doc: "Longest time to connect.")
    static let maxRetries = ParamSpec("max_retries", .integer, default: "2", doc: "Retries after a 429, 5xx or connection error (jittered backoff, Retry-After honoured).")
    static let maxConcurrent = ParamSpec("max_concurrent", .integer, default: "4", doc: "Calls in flight at once; more wait.")
    static let requestsPerHour = ParamSpec("requests_per_hour", .integer, doc: "Requests allowed per hour (default unlimited); beyond it the knowledge base answers.")
    static let tokensPerHour = ParamSpec("tokens_per_hour", .integer, doc: "Tokens (in + out) allowed per hour (default unlimited).")
    static let maxTokens = ParamSpec("max_tokens", .integer, default: "800", doc: "Longest answer, in tokens.")
    static let temperature = ParamSpec("temperature", .float, default: "0.2", doc: "Sampling temperature (0–2).")
    static let contextTokens = ParamSpec("context_tokens", .integer, default: "6000", doc: "Token budget of the context sent with a question; what does not fit is cut and marked.")
    static let caFile = ParamSpec("ca_file", .string, doc: "CA bundle for the provider's TLS certificate (corporate proxies).")
    static let redactEmails = ParamSpec("redact_emails", .bool, default: "false", doc: "Also replace e-mail addresses before anything is sent.")
    static let redactIPs = ParamSpec("redact_ips", .bool, default: "false", doc: "Also replace IPv4/IPv6 addresses before anything is sent.")
    static let incidentSummaries = ParamSpec("incident_summaries", .bool, default: "true", doc: "Ask the model for a summary when an incident opens.")
    static let summariesPerHour = ParamSpec("summaries_per_hour", .integer, default: "12", doc: "Incident summaries requested per hour, at most.")
    static let prompts = PromptKind.allCases.map {
        ParamSpec($0.rawValue, .string, doc: "Replaces the default \($0.rawValue.replacingOccurrences(of: "_", with: " ")) (system prompt).")
    }

    /// The parameters of `<llm>`.
    public static let all: [ParamSpec] = [
        provider, baseURL, model, apiKeyEnv, apiKeyFile, timeout, totalTimeout, connectTimeout, maxRetries, maxConcurrent,
        requestsPerHour, tokensPerHour, maxTokens, temperature, contextTokens, caFile, redactEmails, redactIPs,
        incidentSummaries, summariesPerHour,
    ] + prompts

    /// Reads `section` into an `LLMConfig`. The API key is resolved here, so a missing variable or
    /// file is reported at load time, at the line that names it (its value is never shown).
    static func read(_ section: ConfigSection, environment: [String: String]) throws -> LLMConfig {
        var c = LLMConfig()
        let s = section
        func loc(_ spec: ParamSpec) -> SourceLocation {
            if case .exact(let n) = spec.name, let p = s.param(n) { return p.location }
            return s.location
        }
        func positive(_ spec: ParamSpec) throws -> Int? {
            guard let v = try s.value(for: spec)?.intValue else { return nil }
            guard v > 0 else {
                let name = if case .exact(let n) = spec.name { n } else { "\(spec.name)" }
                throw FluentConfigError("\(name) must be positive, got \(v)", at: loc(spec))
            }
            return v
        }
        c.provider = try s.value(for: provider)?.stringValue ?? "builtin"
        c.maxTokens = try positive(maxTokens) ?? c.maxTokens
        c.contextTokens = try positive(contextTokens) ?? c.contextTokens
        c.summariesPerHour = try s.value(for: summariesPerHour)?.intValue ?? c.summariesPerHour
        c.incidentSummaries = try s.value(for: incidentSummaries)?.boolValue ?? c.incidentSummaries
        c.redactEmails = try s.value(for: redactEmails)?.boolValue ?? false
        c.redactIPs = try s.value(for: redactIPs)?.boolValue ?? false
        if let t = try s.value(for: temperature)?.doubleValue {
            guard t.isFinite, (0...2).contains(t) else { throw FluentConfigError("temperature must be between 0 and 2, got \(t)", at: loc(temperature)) }
            c.temperature = t
        }
        var overrides: [String: String] = [:]
        for p in prompts {
            if case .exact(let n) = p.name, let text = try s.value(for: p)?.stringValue { overrides[n] = text }
        }
        do {
            c.prompts = try PromptSet(overrides: overrides)
        } catch {
            throw FluentConfigError("\(error)", at: s.location)
        }
        guard let kind = LLMProviderSettings.Kind(rawValue: c.provider) else { return c }

        var settings = LLMProviderSettings(kind: kind, model: try s.value(for: model)?.stringValue ?? "")
        settings.baseURL = try s.value(for: baseURL)?.stringValue
        settings.caBundlePath = try s.value(for: caFile)?.stringValue
        if let env = try s.value(for: apiKeyEnv)?.stringValue {
            settings.apiKey = .environment(env)
        } else if let file = try s.value(for: apiKeyFile)?.stringValue {
            settings.apiKey = .file(file)
        }
        settings.requestTimeout = .seconds(try s.value(for: timeout)?.doubleValue ?? 60)
        settings.connectTimeout = .seconds(try s.value(for: connectTimeout)?.doubleValue ?? 10)
        var r = ResilienceOptions()
        r.totalTimeout = .seconds(try s.value(for: totalTimeout)?.doubleValue ?? 120)
        r.maxAttempts = 1 + max(0, try s.value(for: maxRetries)?.intValue ?? 2)
        r.maxConcurrent = try positive(maxConcurrent) ?? r.maxConcurrent
        r.requestsPerHour = try positive(requestsPerHour)
        r.tokensPerHour = try positive(tokensPerHour)
        settings.resilience = r
        // Validate now (model, key, URL) so `check-config` and `run` report it at the line concerned.
        if settings.model.trimmingCharacters(in: .whitespaces).isEmpty {
            throw FluentConfigError("<llm>: provider \(kind.rawValue) needs 'model'", at: loc(provider))
        }
        if kind == .anthropic && settings.apiKey == nil {
            throw FluentConfigError("<llm>: provider anthropic needs 'api_key_env' or 'api_key_file'", at: loc(provider))
        }
        do {
            _ = try settings.makeProvider(environment: environment)
        } catch {
            let param = s.param("api_key_env") ?? s.param("api_key_file")
            let at = error.message.contains("base_url") ? loc(baseURL) : param?.location ?? s.location
            throw FluentConfigError("<llm>: \(error.message)", at: at)
        }
        c.settings = settings
        return c
    }
}

/// What `<llm>` configured.
public struct LLMConfig: Sendable {
    /// `builtin`, `openai` or `anthropic`.
    public var provider = "builtin"
    /// The networked provider's settings; nil for `builtin`.
    public var settings: LLMProviderSettings?
    public var prompts = PromptSet()
    public var contextTokens = 6000
    public var maxTokens = 800
    public var temperature = 0.2
    public var redactEmails = false
    public var redactIPs = false
    public var incidentSummaries = true
    public var summariesPerHour = 12

    public init() {}
}
