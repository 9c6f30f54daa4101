import GRDB

extension StateStore {
    /// Most root causes and next steps kept per incident (the first ones given).
    public static let maxListItemsPerIncident = 20

    /// Stores `incident`, replacing one with the same id, and returns it as stored (`updatedAt` set
    /// to now, texts bounded). Incidents beyond `maxIncidents` drop those with the earliest start
    /// (counted). Throws `.invalidInput` for an empty or over-long id or anomalies that are not JSON.
    @discardableResult
    public func upsertIncident(_ incident: IncidentRecord) async throws -> IncidentRecord {
        let now = now()
        let limits = config
        return try await write("store incident") { db, effects in
            guard (1...128).contains(incident.id.utf8.count) else {
                throw StoreFailure(.invalidInput, "incident id must be 1-128 bytes")
            }
            try JSONText.validateDocument(incident.anomaliesJSON, maxBytes: limits.maxInsightsBytes, what: "incident anomalies")
            var stored = incident
            stored.summary = effects.bounded(incident.summary, limits.maxTextBytes)
            let maxItems = Self.maxListItemsPerIncident
            stored.rootCauses = incident.rootCauses.prefix(maxItems).map { effects.bounded($0, limits.maxTextBytes) }
            stored.nextSteps = incident.nextSteps.prefix(maxItems).map { effects.bounded($0, limits.maxTextBytes) }
            stored.updatedAt = now
            try IncidentRows.upsert(db, stored)
            effects.evict(.incident, try IncidentRows.trim(db, keep: limits.maxIncidents))
            return stored
        }
    }

    /// The incident `id`, or nil.
    public func incident(_ id: String) async throws -> IncidentRecord? {
        try await read("read incident") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM incident WHERE id = ?", arguments: [id]).map(RowDecoding.incident)
        }
    }

    /// Incidents, latest start first, at most `limit`.
    public func incidents(limit: Int = 100) async throws -> [IncidentRecord] {
        let n = max(0, limit)
        return try await read("list incidents") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM incident ORDER BY start_at DESC, id DESC LIMIT ?", arguments: [n])
                .map(RowDecoding.incident)
        }
    }
}
