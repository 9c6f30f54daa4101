import Foundation
import GRDB

/// Session-table statements shared by the store's write operations.
enum SessionRows {
    static func fetch(_ db: Database, _ id: String) throws -> SessionRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM session WHERE id = ?", arguments: [id]).map(RowDecoding.session)
    }

    /// The session `id` if it exists and has been active since `cutoff`, with its last activity moved to `now`.
    /// Throws `.notFound` or `.expired` otherwise.
    static func touchLive(_ db: Database, _ id: String, cutoff: Double, now: Double) throws -> SessionRecord {
        guard var session = try fetch(db, id) else { throw StoreFailure(.notFound, "no session \"\(id)\"") }
        if session.lastActivity.timeIntervalSince1970 < cutoff {
            throw StoreFailure(.expired, "session \"\(id)\" has expired")
        }
        try db.execute(sql: "UPDATE session SET last_activity = ? WHERE id = ?", arguments: [now, id])
        session.lastActivity = .init(timeIntervalSince1970: now)
        return session
    }

    static func count(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM session") ?? 0
    }

    /// Deletes the sessions matching `condition` with everything they own; returns what went.
    static func delete(_ db: Database, where condition: String, _ arguments: StatementArguments) throws -> SweepResult {
        let owned = "session_id IN (SELECT id FROM session WHERE \(condition))"
        var result = SweepResult()
        result.turns = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM turn WHERE \(owned)", arguments: arguments) ?? 0
        result.dataItems = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM data_item WHERE \(owned)", arguments: arguments) ?? 0
        result.feedback = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM feedback WHERE \(owned)", arguments: arguments) ?? 0
        try db.execute(sql: "DELETE FROM session WHERE \(condition)", arguments: arguments)
        result.sessions = db.changesCount
        return result
    }

    /// Makes room for one more session by evicting the least recently active ones.
    static func makeRoom(_ db: Database, maxSessions: Int) throws -> Int {
        let excess = try count(db) - max(1, maxSessions) + 1
        guard excess > 0 else { return 0 }
        let victims = "id IN (SELECT id FROM session ORDER BY last_activity, id LIMIT ?)"
        return try delete(db, where: victims, [excess]).sessions
    }

    /// The session `id` with its activity moved to `now` (and its user set if it had none), when it is live.
    static func reuse(_ db: Database, _ id: String, userID: String?, cutoff: Double, now: Double) throws -> SessionRecord? {
        guard let existing = try fetch(db, id), existing.lastActivity.timeIntervalSince1970 >= cutoff else { return nil }
        try db.execute(
            sql: "UPDATE session SET last_activity = ?, user_id = COALESCE(user_id, ?) WHERE id = ?", arguments: [now, userID, id])
        return try fetch(db, id) ?? existing
    }

    /// Creates session `id` after deleting every expired session (counted, including a stale `id`)
    /// and evicting the least recently active ones beyond the limit (counted).
    static func create(
        _ db: Database, id: String, userID: String?, now: Double, cutoff: Double, limits: StateStoreConfig,
        effects: inout WriteEffects
    ) throws -> SessionRecord {
        let expired = try delete(db, where: "last_activity < ?", [cutoff])
        if expired.sessions > 0 {
            effects.expired += expired.sessions
            let audit = try AuditRows.insert(
                db, at: now, action: "session.expire", sessionID: nil, detail: expired.summary, maxRows: limits.maxAuditRows)
            effects.evict(.audit, audit.evicted)
        }
        let evicted = try makeRoom(db, maxSessions: limits.maxSessions)
        effects.evict(.session, evicted)
        try db.execute(
            sql: "INSERT INTO session (id, user_id, created_at, last_activity) VALUES (?, ?, ?, ?)",
            arguments: [id, userID, now, now])
        let detail = evicted > 0 ? "evicted \(evicted) least recently active" : ""
        let audit = try AuditRows.insert(
            db, at: now, action: "session.create", sessionID: id, detail: detail, maxRows: limits.maxAuditRows)
        effects.evict(.audit, audit.evicted)
        effects.sessionCount = try count(db)
        let t = Date(timeIntervalSince1970: now)
        return SessionRecord(id: id, userID: userID, createdAt: t, lastActivity: t)
    }
}
