import GRDB

/// Incident statements.
enum IncidentRows {
    static func upsert(_ db: Database, _ r: IncidentRecord) throws {
        try db.execute(
            sql: """
                INSERT INTO incident (id, start_at, end_at, anomalies, summary, root_causes, next_steps, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET start_at = excluded.start_at, end_at = excluded.end_at,
                anomalies = excluded.anomalies, summary = excluded.summary, root_causes = excluded.root_causes,
                next_steps = excluded.next_steps, updated_at = excluded.updated_at
                """,
            arguments: [
                r.id, r.start.timeIntervalSince1970, r.end.timeIntervalSince1970, r.anomaliesJSON, r.summary,
                JSONText.encodeStrings(r.rootCauses), JSONText.encodeStrings(r.nextSteps), r.updatedAt.timeIntervalSince1970,
            ])
    }

    /// Deletes the incidents with the earliest start beyond `keep`; returns how many went.
    static func trim(_ db: Database, keep: Int) throws -> Int {
        try db.execute(
            sql: "DELETE FROM incident WHERE id IN (SELECT id FROM incident ORDER BY start_at DESC, id DESC LIMIT -1 OFFSET ?)",
            arguments: [max(1, keep)])
        return db.changesCount
    }
}
