import Foundation
import StateStore

/// Troubleshooting sessions kept in the state database (`state_dir/faultmaven.sqlite`), so they
/// survive a restart: turns with their recommendations, submitted data with its digest, feedback.
/// Idle expiry, limits and their counters are the database's (`StateStoreConfig`); call
/// `sweepExpired()` periodically. Every method throws `StateStoreError` when the database fails.
public struct SessionStore: Sendable {
    public let state: StateStore

    public init(state: StateStore) {
        self.state = state
    }

    /// Whether `id` is acceptable as a client-chosen session id.
    public static func isValidID(_ id: String) -> Bool { StateStore.isValidSessionID(id) }

    /// The live session `id` (its activity moved to now), or a new one: with that id when it is
    /// valid (an unknown or expired one), else with a fresh id.
    public func open(_ id: String?, userID: String? = nil) async throws -> Session {
        let wanted = id.flatMap { Self.isValidID($0) ? $0 : nil }
        let record = try await state.openSession(id: wanted, userID: userID)
        return try await get(record.id) ?? Session(record)
    }

    /// The live session `id` with everything it holds; nil when unknown, expired or not a valid id.
    public func get(_ id: String) async throws -> Session? {
        guard Self.isValidID(id), let snapshot = try await state.snapshot(id) else { return nil }
        return Session(snapshot)
    }

    /// Deletes the live session `id`; false when there is none (unknown, or expired: the sweep
    /// deletes those).
    @discardableResult
    public func delete(_ id: String) async throws -> Bool {
        guard Self.isValidID(id), try await state.session(id) != nil else { return false }
        return try await state.deleteSession(id)
    }

    /// Records a question, its answer and the recommendations offered (their ids must be unused:
    /// see `RecommendationID.issue`).
    public func addTurn(
        _ id: String, question: String, answer: String, provider: String,
        recommendations: [TroubleshootingAnswer.Recommendation]
    ) async throws {
        _ = try await state.appendTurn(
            sessionID: id, question: question, answer: answer, provider: provider,
            recommendations: recommendations.map { RecommendationRecord(id: $0.id, text: $0.text) })
    }

    /// Keeps submitted data (`content`, as sent) with its digest in the session.
    public func addData(_ id: String, kind: DataItemKind = .text, name: String, content: String, digest: LogDigest) async throws {
        let insights = String(decoding: try JSONEncoder().encode(digest), as: UTF8.self)
        _ = try await state.addDataItem(
            sessionID: id, kind: kind, name: name, content: content, insightsJSON: insights, summary: digest.summary)
    }

    /// Deletes every expired session; returns how many went.
    @discardableResult
    public func sweepExpired() async throws -> Int { try await state.sweepExpired().sessions }

    /// Sessions not yet expired.
    public func count() async throws -> Int { try await state.liveSessionCount() }
}
