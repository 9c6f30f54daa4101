import GRDB

extension StateStore {
    /// Records a question, its answer and the recommendations offered, in the live session `sessionID`
    /// (which counts as activity). Question and answer are cut to `maxTextBytes` (counted); turns
    /// beyond `maxTurnsPerSession` drop the oldest (counted). Recommendation ids must be unused.
    /// Throws `.notFound`, `.expired` or `.invalidInput`.
    public func appendTurn(
        sessionID: String, question: String, answer: String, provider: String,
        recommendations: [RecommendationRecord] = []
    ) async throws -> TurnRecord {
        let (now, cutoff) = clock()
        let limits = config
        return try await write("append turn") { db, effects in
            _ = try SessionRows.touchLive(db, sessionID, cutoff: cutoff, now: now)
            try TurnRows.validate(db, recommendations, max: limits.maxRecommendationsPerTurn)
            let q = effects.bounded(question, limits.maxTextBytes)
            let a = effects.bounded(answer, limits.maxTextBytes)
            let p = effects.bounded(provider, 128)
            try db.execute(
                sql: "INSERT INTO turn (session_id, at, question, answer, provider) VALUES (?, ?, ?, ?, ?)",
                arguments: [sessionID, now, q, a, p])
            let turnID = db.lastInsertedRowID
            var stored: [RecommendationRecord] = []
            for (ordinal, r) in recommendations.enumerated() {
                let text = effects.bounded(r.text, limits.maxTextBytes)
                try db.execute(
                    sql: "INSERT INTO recommendation (id, turn_id, session_id, ordinal, text) VALUES (?, ?, ?, ?, ?)",
                    arguments: [r.id, turnID, sessionID, ordinal, text])
                stored.append(RecommendationRecord(id: r.id, text: text))
            }
            effects.evict(.turn, try TurnRows.trim(db, sessionID: sessionID, keep: limits.maxTurnsPerSession))
            return TurnRecord(
                id: turnID, sessionID: sessionID, at: .init(timeIntervalSince1970: now), question: q, answer: a,
                provider: p, recommendations: stored)
        }
    }

    /// The turns of `sessionID`, oldest first (empty when the session is unknown).
    public func turns(sessionID: String) async throws -> [TurnRecord] {
        try await read("read turns") { db in try TurnRows.fetch(db, sessionID: sessionID) }
    }
}
