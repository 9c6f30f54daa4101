import Foundation

/// Limits and expiry of the state database. Every table is bounded; what is dropped is counted in
/// `faultmaven_state_evicted_total{table}`.
public struct StateStoreConfig: Sendable, Equatable {
    /// Idle time after which a session expires (default 30 minutes).
    public var sessionIdleTimeout: TimeInterval = 30 * 60
    /// Sessions kept; creating one more evicts the least recently active.
    public var maxSessions: Int = 1_000
    /// Conversation turns kept per session; the oldest go first.
    public var maxTurnsPerSession: Int = 50
    /// Recommendations kept per turn; extra ones are refused as invalid input.
    public var maxRecommendationsPerTurn: Int = 20
    /// Bytes of data-item content kept per session; the oldest items go first.
    public var maxDataBytesPerSession: Int = 4 * 1024 * 1024
    /// Bytes of one data item's content; longer content is truncated (counted) and flagged.
    public var maxDataItemBytes: Int = 1024 * 1024
    /// Bytes of a data item's structured insights JSON; larger is refused as invalid input.
    public var maxInsightsBytes: Int = 256 * 1024
    /// Bytes of other free text (question, answer, summary, comment, detail); longer is truncated (counted).
    public var maxTextBytes: Int = 64 * 1024
    /// Feedback rows kept per session; the oldest go first.
    public var maxFeedbackPerSession: Int = 500
    /// Past cases kept across sessions; the oldest go first.
    public var maxPastCases: Int = 10_000
    /// Distinct template tokens indexed per past case and used per query.
    public var maxTokensPerCase: Int = 256
    /// Incidents kept; the one with the earliest start goes first.
    public var maxIncidents: Int = 1_000
    /// Audit rows kept; the oldest go first.
    public var maxAuditRows: Int = 10_000
    /// Run `PRAGMA quick_check` when opening, so a damaged file is reported at start-up.
    public var verifyOnOpen: Bool = true

    public init() {}
}
