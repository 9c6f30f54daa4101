import GRDB

/// Data-item statements.
enum DataItemRows {
    static func insert(_ db: Database, _ item: DataItemRecord) throws -> Int64 {
        try db.execute(
            sql: """
                INSERT INTO data_item (session_id, kind, name, content, content_bytes, truncated, insights, summary, added_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                item.sessionID, item.kind.rawValue, item.name, item.content, item.content.utf8.count, item.truncated,
                item.insightsJSON, item.summary, item.addedAt.timeIntervalSince1970,
            ])
        return db.lastInsertedRowID
    }

    /// Keeps the newest items of `sessionID` whose content fits in `maxBytes` together and deletes
    /// every older one; returns how many went.
    static func trim(_ db: Database, sessionID: String, maxBytes: Int) throws -> Int {
        let rows = try Row.fetchAll(
            db, sql: "SELECT id, content_bytes FROM data_item WHERE session_id = ? ORDER BY id DESC", arguments: [sessionID])
        var used = 0
        var firstDropped: Int64?
        for row in rows {
            used += row["content_bytes"] as Int
            if used > maxBytes {
                firstDropped = row["id"]
                break
            }
        }
        guard let firstDropped else { return 0 }
        try db.execute(sql: "DELETE FROM data_item WHERE session_id = ? AND id <= ?", arguments: [sessionID, firstDropped])
        return db.changesCount
    }
}
