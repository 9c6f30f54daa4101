import GRDB

/// Feedback statements.
enum FeedbackRows {
    static func upsert(_ db: Database, _ r: FeedbackRecord) throws {
        try db.execute(
            sql: """
                INSERT INTO feedback (session_id, recommendation_id, verdict, recommendation_text, comment, at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (session_id, recommendation_id) DO UPDATE SET
                verdict = excluded.verdict, comment = excluded.comment, at = excluded.at
                """,
            arguments: [
                r.sessionID, r.recommendationID, r.verdict.rawValue, r.recommendationText, r.comment, r.at.timeIntervalSince1970,
            ])
    }

    /// Deletes the oldest feedback of `sessionID` beyond `keep`; returns how many went.
    static func trim(_ db: Database, sessionID: String, keep: Int) throws -> Int {
        try db.execute(
            sql: """
                DELETE FROM feedback WHERE session_id = ? AND id NOT IN
                (SELECT id FROM feedback WHERE session_id = ? ORDER BY id DESC LIMIT ?)
                """,
            arguments: [sessionID, sessionID, max(1, keep)])
        return db.changesCount
    }
}
