import GRDB

/// Past-case statements: cases and their token index.
enum PastCaseRows {
    /// Inserts `record` (replacing a case of the same recommendation id) and its tokens; returns its id.
    static func replace(_ db: Database, _ record: PastCaseRecord, tokens: [String]) throws -> Int64 {
        try db.execute(sql: "DELETE FROM past_case WHERE recommendation_id = ?", arguments: [record.recommendationID])
        try db.execute(
            sql: """
                INSERT INTO past_case (recommendation_id, recommendation_text, session_id, incident_summary, templates,
                token_count, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                record.recommendationID, record.recommendationText, record.sessionID, record.incidentSummary,
                JSONText.encodeStrings(record.templates), tokens.count, record.createdAt.timeIntervalSince1970,
            ])
        let id = db.lastInsertedRowID
        let insert = try db.cachedStatement(sql: "INSERT INTO past_case_token (token, case_id) VALUES (?, ?)")
        for token in tokens { try insert.execute(arguments: [token, id]) }
        return id
    }

    /// Deletes the oldest cases beyond `keep`; returns how many went.
    static func trim(_ db: Database, keep: Int) throws -> Int {
        try db.execute(
            sql: "DELETE FROM past_case WHERE id IN (SELECT id FROM past_case ORDER BY id DESC LIMIT -1 OFFSET ?)",
            arguments: [max(1, keep)])
        return db.changesCount
    }

    /// Jaccard |A∩B| / |A∪B| over token sets, computed from the token index.
    static func similar(_ db: Database, tokens: [String], threshold: Double, limit: Int) throws -> [PastCaseMatch] {
        let marks = Array(repeating: "?", count: tokens.count).joined(separator: ", ")
        let sql = """
            SELECT c.*, m.shared, CAST(m.shared AS REAL) / (? + c.token_count - m.shared) AS score
            FROM (SELECT case_id, COUNT(*) AS shared FROM past_case_token WHERE token IN (\(marks)) GROUP BY case_id) m
            JOIN past_case c ON c.id = m.case_id
            WHERE CAST(m.shared AS REAL) / (? + c.token_count - m.shared) >= ?
            ORDER BY score DESC, c.created_at DESC, c.id DESC LIMIT ?
            """
        var arguments: StatementArguments = [tokens.count]
        arguments += StatementArguments(tokens)
        arguments += [tokens.count, threshold, limit]
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            PastCaseMatch(pastCase: try RowDecoding.pastCase(row), score: row["score"], sharedTokens: row["shared"])
        }
    }
}
