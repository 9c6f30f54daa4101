import FaultMavenCore

/// The system prompts FaultMaven sends to a provider. Defaults are built in; a config can
/// override any of them by key (`general_query_prompt`, `troubleshooting_prompt`,
/// `log_summary_prompt`).
public struct PromptSet: Sendable, Hashable, Codable {
    public var generalQuery: String
    public var troubleshooting: String
    public var logSummary: String

    /// Longest prompt accepted from a config, in bytes.
    public static let maxPromptBytes = 16_384

    public init(
        generalQuery: String = PromptSet.defaultGeneralQuery, troubleshooting: String = PromptSet.defaultTroubleshooting,
        logSummary: String = PromptSet.defaultLogSummary
    ) {
        self.generalQuery = generalQuery
        self.troubleshooting = troubleshooting
        self.logSummary = logSummary
    }

    /// The defaults with `overrides` (config key → text) applied. An unknown key, an empty
    /// text or one over `maxPromptBytes` is an error naming the key.
    public init(overrides: [String: String]) throws(FaultMavenError) {
        self.init()
        for key in overrides.keys.sorted() {
            guard let kind = PromptKind(rawValue: key) else {
                let known = PromptKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw .badInput("unknown prompt '\(key)' (known: \(known))")
            }
            let text = overrides[key] ?? ""
            guard !text.allSatisfy(\.isWhitespace) else { throw .badInput("prompt '\(key)' is empty") }
            guard text.utf8.count <= Self.maxPromptBytes else {
                throw .badInput("prompt '\(key)' is \(text.utf8.count) bytes; the limit is \(Self.maxPromptBytes)")
            }
            self[kind] = text
        }
    }

    /// The prompt for `kind`.
    public subscript(kind: PromptKind) -> String {
        get {
            switch kind {
            case .generalQuery: generalQuery
            case .troubleshooting: troubleshooting
            case .logSummary: logSummary
            }
        }
        set {
            switch kind {
            case .generalQuery: generalQuery = newValue
            case .troubleshooting: troubleshooting = newValue
            case .logSummary: logSummary = newValue
            }
        }
    }
}
