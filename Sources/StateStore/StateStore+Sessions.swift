import Foundation
import GRDB

extension StateStore {
    /// The live session `id` with its last activity moved to now; or, when `id` is nil, unknown or
    /// expired, a new session (with that id when given; an expired one is deleted first and counted).
    /// Creating a session first deletes every expired session (counted as expired), then evicts the
    /// least recently active ones beyond `maxSessions` (counted).
    /// Throws `.invalidInput` when `id` is not a valid session id.
    public func openSession(id: String? = nil, userID: String? = nil) async throws -> SessionRecord {
        if let id, !Self.isValidSessionID(id) {
            throw StateStoreError(
                .invalidInput, path: path, operation: "open session", message: "invalid session id (1-128 of A-Z a-z 0-9 . _ -)")
        }
        let (now, cutoff) = clock()
        let limits = config
        let user = userID.map { BoundedText.cut($0, maxBytes: 256).text }
        return try await write("open session") { db, effects in
            if let id, let live = try SessionRows.reuse(db, id, userID: user, cutoff: cutoff, now: now) { return live }
            return try SessionRows.create(
                db, id: id ?? UUID().uuidString.lowercased(), userID: user, now: now, cutoff: cutoff, limits: limits,
                effects: &effects)
        }
    }

    /// The session `id` if it exists and has not expired. Does not count as activity.
    public func session(_ id: String) async throws -> SessionRecord? {
        let cutoff = clock().cutoff
        return try await read("get session") { db in
            try SessionRows.fetch(db, id).flatMap { $0.lastActivity.timeIntervalSince1970 >= cutoff ? $0 : nil }
        }
    }

    /// The live session `id` with its turns, data items and feedback, read consistently; nil when unknown or expired.
    public func snapshot(_ id: String) async throws -> SessionSnapshot? {
        let cutoff = clock().cutoff
        return try await read("read session") { db in
            guard let session = try SessionRows.fetch(db, id), session.lastActivity.timeIntervalSince1970 >= cutoff else {
                return nil
            }
            return SessionSnapshot(
                session: session, turns: try TurnRows.fetch(db, sessionID: id),
                dataItems: try Row.fetchAll(db, sql: "SELECT * FROM data_item WHERE session_id = ? ORDER BY id", arguments: [id])
                    .map(RowDecoding.dataItem),
                feedback: try Row.fetchAll(db, sql: "SELECT * FROM feedback WHERE session_id = ? ORDER BY id", arguments: [id])
                    .map(RowDecoding.feedback))
        }
    }

    /// Marks the live session `id` active now. Throws `.notFound` or `.expired`.
    @discardableResult
    public func touchSession(_ id: String) async throws -> SessionRecord {
        let (now, cutoff) = clock()
        return try await write("touch session") { db, _ in try SessionRows.touchLive(db, id, cutoff: cutoff, now: now) }
    }

    /// Deletes session `id` and everything it owns; false when there was none.
    @discardableResult
    public func deleteSession(_ id: String) async throws -> Bool {
        let (now, maxAudit) = (nowSeconds, config.maxAuditRows)
        return try await write("delete session") { db, effects in
            let gone = try SessionRows.delete(db, where: "id = ?", [id])
            guard gone.sessions > 0 else { return false }
            let audit = try AuditRows.insert(
                db, at: now, action: "session.delete", sessionID: id,
                detail: gone.summary, maxRows: maxAudit)
            effects.evict(.audit, audit.evicted)
            effects.sessionCount = try SessionRows.count(db)
            return true
        }
    }

    /// Sessions not yet expired.
    public func liveSessionCount() async throws -> Int {
        let cutoff = clock().cutoff
        return try await read("count sessions") { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM session WHERE last_activity >= ?", arguments: [cutoff]) ?? 0
        }
    }

    /// Deletes every session idle longer than `sessionIdleTimeout`, with everything it owns, and
    /// says how much went (also counted in `faultmaven_sessions_expired_total`). Call it periodically.
    @discardableResult
    public func sweepExpired() async throws -> SweepResult {
        let (now, cutoff) = clock()
        let maxAudit = config.maxAuditRows
        return try await write("sweep expired sessions") { db, effects in
            let gone = try SessionRows.delete(db, where: "last_activity < ?", [cutoff])
            guard gone.sessions > 0 else { return gone }
            effects.expired += gone.sessions
            let audit = try AuditRows.insert(
                db, at: now, action: "session.expire", sessionID: nil,
                detail: gone.summary, maxRows: maxAudit)
            effects.evict(.audit, audit.evicted)
            effects.sessionCount = try SessionRows.count(db)
            return gone
        }
    }
}
