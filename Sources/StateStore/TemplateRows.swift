import GRDB

/// Template statements.
enum TemplateRows {
    static func upsert(_ db: Database, _ r: TemplateRecord) throws {
        try db.execute(
            sql: """
                INSERT INTO template (id, group_id, text, count, last_sequence, level, state, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET group_id = excluded.group_id, text = excluded.text,
                count = excluded.count, last_sequence = excluded.last_sequence, level = excluded.level,
                state = excluded.state, updated_at = excluded.updated_at
                """,
            arguments: [r.id, r.groupID, r.text, r.count, r.lastSequence, r.level, r.stateJSON, r.updatedAt.timeIntervalSince1970])
    }

    static func delete(_ db: Database, ids: [Int]) throws {
        for id in ids { try db.execute(sql: "DELETE FROM template WHERE id = ?", arguments: [id]) }
    }

    /// Deletes the least recently used templates beyond `keep`; returns how many went.
    static func trim(_ db: Database, keep: Int) throws -> Int {
        try db.execute(
            sql: """
                DELETE FROM template WHERE id IN
                (SELECT id FROM template ORDER BY last_sequence DESC, id DESC LIMIT -1 OFFSET ?)
                """,
            arguments: [max(1, keep)])
        return db.changesCount
    }

    /// Stores `nextID` as the miner's next template id unless a higher one is stored.
    static func advanceSequence(_ db: Database, to nextID: Int) throws {
        try db.execute(
            sql: """
                INSERT INTO template_sequence (id, next_id) VALUES (1, ?)
                ON CONFLICT (id) DO UPDATE SET next_id = max(next_id, excluded.next_id)
                """,
            arguments: [nextID])
    }
}
