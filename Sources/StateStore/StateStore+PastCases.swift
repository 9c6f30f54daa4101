import Foundation
import GRDB

extension StateStore {
    /// Most templates kept per past case (the first ones given).
    public static let maxTemplatesPerCase = 64

    /// Keeps an accepted recommendation with the incident it solved, so later incidents with similar
    /// templates retrieve it, across sessions and restarts. Replaces an earlier case of the same
    /// recommendation id. Cases beyond `maxPastCases` drop the oldest (counted).
    /// Throws `.invalidInput` when the templates hold no usable token (such a case could never match).
    @discardableResult
    public func addPastCase(
        recommendationID: String, recommendationText: String, sessionID: String?, incidentSummary: String,
        templates: [String]
    ) async throws -> PastCaseRecord {
        let now = nowSeconds
        let limits = config
        return try await write("add past case") { db, effects in
            let kept = Array(templates.prefix(Self.maxTemplatesPerCase)).map { effects.bounded($0, 4096) }
            let tokens = TemplateTokenizer.tokens(of: kept, limit: limits.maxTokensPerCase)
            guard !tokens.isEmpty else { throw StoreFailure(.invalidInput, "the templates hold no words to match on") }
            var record = PastCaseRecord(
                id: 0, recommendationID: effects.bounded(recommendationID, 128),
                recommendationText: effects.bounded(recommendationText, limits.maxTextBytes), sessionID: sessionID,
                incidentSummary: effects.bounded(incidentSummary, limits.maxTextBytes), templates: kept,
                createdAt: .init(timeIntervalSince1970: now))
            record.id = try PastCaseRows.replace(db, record, tokens: tokens)
            effects.evict(.pastCase, try PastCaseRows.trim(db, keep: limits.maxPastCases))
            let audit = try AuditRows.insert(
                db, at: now, action: "past_case.add", sessionID: sessionID, detail: record.recommendationID,
                maxRows: limits.maxAuditRows)
            effects.evict(.audit, audit.evicted)
            return record
        }
    }

    /// Past cases whose template tokens overlap those of `templates` with a Jaccard similarity of at
    /// least `threshold`, best first (ties: most recent first), at most `limit`.
    public func similarPastCases(templates: [String], threshold: Double = 0.3, limit: Int = 5) async throws -> [PastCaseMatch] {
        let tokens = TemplateTokenizer.tokens(of: Array(templates.prefix(Self.maxTemplatesPerCase)), limit: config.maxTokensPerCase)
        guard !tokens.isEmpty, limit > 0 else { return [] }
        let floor = min(max(threshold, 0), 1)
        return try await read("find similar past cases") { db in
            try PastCaseRows.similar(db, tokens: tokens, threshold: floor, limit: min(limit, 100))
        }
    }

    /// Past cases stored.
    public func pastCaseCount() async throws -> Int {
        try await read("count past cases") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM past_case") ?? 0 }
    }
}
