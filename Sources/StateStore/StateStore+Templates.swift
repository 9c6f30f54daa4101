import FaultMavenCore
import GRDB

extension StateStore {
    /// Largest template description (`TemplateRecord/stateJSON`) stored, in bytes.
    public static let maxTemplateStateBytes = 8 * Limits.maxLineBytes

    /// In one transaction: stores `changed` templates (replacing those with the same id), deletes
    /// the ids in `removed` (templates the miner no longer holds), then keeps at most `keep` (the
    /// miner's cap), the most recently used; those dropped are counted. Throws `.invalidInput`
    /// (nothing written) for a non-positive id, a negative count or a description that is not JSON
    /// or longer than ``maxTemplateStateBytes``.
    public func saveTemplates(_ changed: [TemplateRecord], removed: [Int] = [], keep: Int) async throws {
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
                try JSONText.validateDocument(record.stateJSON, maxBytes: Self.maxTemplateStateBytes, what: "template \(record.id) state")
                record.text = effects.bounded(record.text, textLimit)
                record.updatedAt = now
                try TemplateRows.upsert(db, record)
            }
            try TemplateRows.delete(db, ids: removed)
            effects.evict(.template, try TemplateRows.trim(db, keep: keep))
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
}
