import GRDB

extension StateStore {
    /// Appends a line to the audit log (texts bounded); beyond `maxAuditRows` the oldest go (counted).
    /// The store itself logs `session.create`, `session.delete`, `session.expire`, `data.add`,
    /// `feedback.accept|reject` and `past_case.add`.
    @discardableResult
    public func audit(action: String, sessionID: String? = nil, detail: String = "") async throws -> AuditRecord {
        let now = nowSeconds
        let limits = config
        return try await write("append audit") { db, effects in
            let a = effects.bounded(action, 128)
            let d = effects.bounded(detail, limits.maxTextBytes)
            let inserted = try AuditRows.insert(db, at: now, action: a, sessionID: sessionID, detail: d, maxRows: limits.maxAuditRows)
            effects.evict(.audit, inserted.evicted)
            return AuditRecord(id: inserted.id, at: .init(timeIntervalSince1970: now), action: a, sessionID: sessionID, detail: d)
        }
    }

    /// The latest audit lines, newest first, of `sessionID` or of everything when nil.
    public func auditLog(sessionID: String? = nil, limit: Int = 100) async throws -> [AuditRecord] {
        let n = max(0, limit)
        return try await read("read audit log") { db in
            let rows: [Row]
            if let sessionID {
                rows = try Row.fetchAll(
                    db, sql: "SELECT * FROM audit WHERE session_id = ? ORDER BY id DESC LIMIT ?", arguments: [sessionID, n])
            } else {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM audit ORDER BY id DESC LIMIT ?", arguments: [n])
            }
            return rows.map(RowDecoding.audit)
        }
    }
}
