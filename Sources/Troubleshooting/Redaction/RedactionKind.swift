/// What a redacted span was; the placeholder reads `[REDACTED:<rawValue>]` and the metric
/// label `kind` carries the raw value.
public enum RedactionKind: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
    case privateKey = "private_key"
    case awsAccessKey = "aws_access_key"
    case awsSecretKey = "aws_secret_key"
    case gcpAPIKey = "gcp_api_key"
    case azureKey = "azure_key"
    case githubToken = "github_token"
    case gitlabToken = "gitlab_token"
    case slackToken = "slack_token"
    case openAIKey = "openai_key"
    case anthropicKey = "anthropic_key"
    case bearerToken = "bearer_token"
    case jwt
    case urlPassword = "url_password"
    case password
    case secret
    case token
    case apiKey = "api_key"
    case credential
    case email
    case ipv4
    case ipv6

    /// The text that replaces a span of this kind.
    public var placeholder: String { "[REDACTED:\(rawValue)]" }

    public static func < (a: RedactionKind, b: RedactionKind) -> Bool { a.rawValue < b.rawValue }
}
