import GRDB

extension StateStore {
    /// Records the verdict on recommendation `recommendationID` in the session that was offered it
    /// (which counts as activity); a later verdict on the same recommendation replaces the earlier
    /// one. A rejection also removes any past case made from that recommendation. When `sessionID`
    /// is given, the recommendation must belong to it. Feedback beyond `maxFeedbackPerSession` drops
    /// the oldest (counted). Throws `.notFound` (unknown recommendation, or one of another session) or `.expired`.
    public func recordFeedback(
        recommendationID: String, verdict: FeedbackVerdict, comment: String? = nil, sessionID: String? = nil
    ) async throws -> FeedbackRecord {
        let (now, cutoff) = clock()
        let limits = config
        return try await write("record feedback") { db, effects in
            let rec = try Row.fetchOne(
                db, sql: "SELECT session_id, text FROM recommendation WHERE id = ?", arguments: [recommendationID])
            guard let rec, sessionID == nil || sessionID == rec["session_id"] else {
                let scope = sessionID.map { " in session \"\($0)\"" } ?? ""
                throw StoreFailure(.notFound, "no recommendation \"\(recommendationID)\"\(scope)")
            }
            let owner: String = rec["session_id"]
            _ = try SessionRows.touchLive(db, owner, cutoff: cutoff, now: now)
            let record = FeedbackRecord(
                recommendationID: recommendationID, sessionID: owner, verdict: verdict, recommendationText: rec["text"],
                comment: comment.map { effects.bounded($0, limits.maxTextBytes) }, at: .init(timeIntervalSince1970: now))
            try FeedbackRows.upsert(db, record)
            if verdict == .reject {
                try db.execute(sql: "DELETE FROM past_case WHERE recommendation_id = ?", arguments: [recommendationID])
            }
            effects.evict(.feedback, try FeedbackRows.trim(db, sessionID: owner, keep: limits.maxFeedbackPerSession))
            let audit = try AuditRows.insert(
                db, at: now, action: "feedback.\(verdict.rawValue)", sessionID: owner, detail: recommendationID,
                maxRows: limits.maxAuditRows)
            effects.evict(.audit, audit.evicted)
            return record
        }
    }

    /// The feedback given in `sessionID`, oldest first.
    public func feedback(sessionID: String) async throws -> [FeedbackRecord] {
        try await read("read feedback") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM feedback WHERE session_id = ? ORDER BY id", arguments: [sessionID])
                .map(RowDecoding.feedback)
        }
    }

    /// The texts of the recommendations rejected in `sessionID`, in the order they were first judged.
    public func rejectedRecommendationTexts(sessionID: String) async throws -> [String] {
        try await read("read rejected recommendations") { db in
            try String.fetchAll(
                db, sql: "SELECT recommendation_text FROM feedback WHERE session_id = ? AND verdict = 'reject' ORDER BY id",
                arguments: [sessionID])
        }
    }

    /// Accepted recommendations, most recently judged first: in `sessionID`, or in every stored session when nil.
    /// (Feedback goes with its session; past cases are what outlives it.)
    /// `limit` is clamped to 0...1000.
    public func acceptedRecommendations(sessionID: String? = nil, limit: Int = 100) async throws -> [FeedbackRecord] {
        let n = min(max(0, limit), 1_000)
        return try await read("read accepted recommendations") { db in
            let rows: [Row]
            if let sessionID {
                rows = try Row.fetchAll(
                    db, sql: "SELECT * FROM feedback WHERE verdict = 'accept' AND session_id = ? ORDER BY at DESC, id DESC LIMIT ?",
                    arguments: [sessionID, n])
            } else {
                rows = try Row.fetchAll(
                    db, sql: "SELECT * FROM feedback WHERE verdict = 'accept' ORDER BY at DESC, id DESC LIMIT ?", arguments: [n])
            }
            return try rows.map(RowDecoding.feedback)
        }
    }
}
