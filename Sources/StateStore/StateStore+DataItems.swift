import GRDB

extension StateStore {
    /// Keeps submitted data in the live session `sessionID` (which counts as activity). Content over
    /// `maxDataItemBytes` (or the session's whole budget) is cut and flagged (counted); when the
    /// session's content exceeds `maxDataBytesPerSession` its oldest items go (counted).
    /// `insightsJSON` must be one JSON value of at most `maxInsightsBytes`.
    /// Throws `.notFound`, `.expired` or `.invalidInput`.
    public func addDataItem(
        sessionID: String, kind: DataItemKind, name: String, content: String, insightsJSON: String, summary: String
    ) async throws -> DataItemRecord {
        let (now, cutoff) = clock()
        let limits = config
        do {
            try JSONText.validateDocument(insightsJSON, maxBytes: limits.maxInsightsBytes, what: "structured insights")
        } catch {
            throw StateStoreError.wrapping(error, path: path, operation: "add data item")
        }
        return try await write("add data item") { db, effects in
            _ = try SessionRows.touchLive(db, sessionID, cutoff: cutoff, now: now)
            let cut = BoundedText.cut(content, maxBytes: min(limits.maxDataItemBytes, limits.maxDataBytesPerSession))
            if cut.truncated { effects.truncated += 1 }
            let item = DataItemRecord(
                id: 0, sessionID: sessionID, kind: kind, name: effects.bounded(name, 1024), content: cut.text,
                truncated: cut.truncated, insightsJSON: insightsJSON, summary: effects.bounded(summary, limits.maxTextBytes),
                addedAt: .init(timeIntervalSince1970: now))
            let id = try DataItemRows.insert(db, item)
            effects.evict(.dataItem, try DataItemRows.trim(db, sessionID: sessionID, maxBytes: limits.maxDataBytesPerSession))
            let audit = try AuditRows.insert(
                db, at: now, action: "data.add", sessionID: sessionID,
                detail: "\(kind.rawValue) \(item.name) (\(cut.text.utf8.count) bytes)", maxRows: limits.maxAuditRows)
            effects.evict(.audit, audit.evicted)
            var stored = item
            stored.id = id
            return stored
        }
    }

    /// The data items of `sessionID`, oldest first (empty when the session is unknown).
    public func dataItems(sessionID: String) async throws -> [DataItemRecord] {
        try await read("read data items") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM data_item WHERE session_id = ? ORDER BY id", arguments: [sessionID])
                .map(RowDecoding.dataItem)
        }
    }
}
