import GRDB

/// Appends audit rows inside other transactions, keeping the table within its cap.
enum AuditRows {
    @discardableResult
    static func insert(
        _ db: Database, at: Double, action: String, sessionID: String?, detail: String, maxRows: Int
    ) throws -> (id: Int64, evicted: Int) {
        try db.execute(
            sql: "INSERT INTO audit (at, action, session_id, detail) VALUES (?, ?, ?, ?)",
            arguments: [at, action, sessionID, detail])
        let id = db.lastInsertedRowID
        try db.execute(sql: "DELETE FROM audit WHERE id <= ?", arguments: [id - Int64(max(1, maxRows))])
        return (id, db.changesCount)
    }
}
