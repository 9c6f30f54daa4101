import FaultMavenCore
import GRDB

extension StateStore {
    /// Largest template description (`TemplateRecord/stateJSON`) stored, in bytes.
    public static let maxTemplateStateBytes = 8 * Limits.maxLineBytes

    /// In one transaction: stores `changed` templates (replacing those with the same id), deletes
    /// the ids in `removed` (templates the miner no longer holds), then keeps at most `keep` (the
    /// miner's cap), the most recently used; those dropped are counted. Throws `.invalidInput`
    /// (nothing written) for a non-positive id, a negative count, an empty or overlong level or a
    /// description that is not JSON or longer than ``maxTemplateStateBytes``. `nextID`, when given, is stored as the id the
    /// miner gives its next template (``templateNextID()``); it never goes down.
    public func saveTemplates(_ changed: [TemplateRecord], removed: [Int] = [], keep: Int, nextID: Int? = nil) async throws {
        let now = now()
        let textLimit = config.maxTextBytes
        try await write("store templates") { db, effects in
            for var record in changed {
                guard record.id > 0, record.groupID > 0 else {
                    throw StoreFailure(.invalidInput, "template \(record.id): ids must be positive")
                }
                guard record.count >= 0, record.lastSequence >= 0 else {
                    throw StoreFailure(.invalidInput, "template \(record.id): count and sequence must not be negative")
                }
                guard (1...16).contains(record.level.utf8.count) else {
                    throw StoreFailure(.invalidInput, "template \(record.id): level must be 1 to 16 bytes")
                }
                try JSONText.validateDocument(record.stateJSON, maxBytes: Self.maxTemplateStateBytes, what: "template \(record.id) state")
                record.text = effects.bounded(record.text, textLimit)
                record.updatedAt = now
                try TemplateRows.upsert(db, record)
            }
            try TemplateRows.delete(db, ids: removed)
            effects.evict(.template, try TemplateRows.trim(db, keep: keep))
            if let nextID {
                guard nextID > 0 else { throw StoreFailure(.invalidInput, "template sequence: next id \(nextID) is not positive") }
                try TemplateRows.advanceSequence(db, to: nextID)
            }
        }
    }

    /// The stored templates, most recently used first, at most `limit` (the miner's cap).
    public func templates(limit: Int) async throws -> [TemplateRecord] {
        let n = max(0, limit)
        return try await read("load templates") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM template ORDER BY last_sequence DESC, id DESC LIMIT ?", arguments: [n])
                .map(RowDecoding.template)
        }
    }

    /// The id the miner gives its next template, as last stored with ``saveTemplates(_:removed:keep:nextID:)``;
    /// 0 when none was stored.
    public func templateNextID() async throws -> Int {
        try await read("load template sequence") { db in
            try Int.fetchOne(db, sql: "SELECT next_id FROM template_sequence WHERE id = 1") ?? 0
        }
    }
}
