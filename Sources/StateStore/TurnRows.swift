import GRDB

/// Turn and recommendation statements.
enum TurnRows {
    /// The turns of `sessionID`, oldest first, with their recommendations in order.
    static func fetch(_ db: Database, sessionID: String) throws -> [TurnRecord] {
        let rows = try Row.fetchAll(db, sql: "SELECT * FROM turn WHERE session_id = ? ORDER BY id", arguments: [sessionID])
        let recommendations = try Row.fetchAll(
            db,
            sql: """
                SELECT r.turn_id, r.id, r.text FROM recommendation r JOIN turn t ON t.id = r.turn_id
                WHERE t.session_id = ? ORDER BY r.turn_id, r.ordinal
                """,
            arguments: [sessionID])
        var byTurn: [Int64: [RecommendationRecord]] = [:]
        for r in recommendations { byTurn[r["turn_id"], default: []].append(RecommendationRecord(id: r["id"], text: r["text"])) }
        return rows.map { row in
            let id: Int64 = row["id"]
            return TurnRecord(
                id: id, sessionID: row["session_id"], at: RowDecoding.date(row, "at"), question: row["question"],
                answer: row["answer"], provider: row["provider"], recommendations: byTurn[id] ?? [])
        }
    }

    /// Refuses recommendation lists that are too long, have bad or repeated ids, or reuse a stored id.
    static func validate(_ db: Database, _ recommendations: [RecommendationRecord], max: Int) throws {
        if recommendations.count > max {
            throw StoreFailure(.invalidInput, "\(recommendations.count) recommendations in one turn, more than the limit of \(max)")
        }
        var seen = Set<String>()
        for r in recommendations {
            guard (1...128).contains(r.id.utf8.count) else {
                throw StoreFailure(.invalidInput, "recommendation id must be 1-128 bytes")
            }
            let stored = try Row.fetchOne(db, sql: "SELECT 1 FROM recommendation WHERE id = ?", arguments: [r.id]) != nil
            guard seen.insert(r.id).inserted, !stored else {
                throw StoreFailure(.invalidInput, "recommendation id \"\(r.id)\" is already used")
            }
        }
    }

    /// Deletes the oldest turns of `sessionID` beyond `keep`; returns how many went.
    static func trim(_ db: Database, sessionID: String, keep: Int) throws -> Int {
        try db.execute(
            sql: """
                DELETE FROM turn WHERE session_id = ? AND id NOT IN
                (SELECT id FROM turn WHERE session_id = ? ORDER BY id DESC LIMIT ?)
                """,
            arguments: [sessionID, sessionID, max(1, keep)])
        return db.changesCount
    }
}
