import Foundation
import GRDB

/// Builds the public records from rows of the schema in `StateSchema`.
enum RowDecoding {
    static func date(_ row: Row, _ column: String) -> Date {
        Date(timeIntervalSince1970: row[column])
    }

    static func session(_ row: Row) -> SessionRecord {
        SessionRecord(
            id: row["id"], userID: row["user_id"], createdAt: date(row, "created_at"),
            lastActivity: date(row, "last_activity"))
    }

    static func dataItem(_ row: Row) throws -> DataItemRecord {
        let kindText: String = row["kind"]
        guard let kind = DataItemKind(rawValue: kindText) else {
            throw StoreFailure(.corrupt, "data item \(row["id"] as Int64) has unknown kind \"\(kindText)\"")
        }
        return DataItemRecord(
            id: row["id"], sessionID: row["session_id"], kind: kind, name: row["name"], content: row["content"],
            truncated: row["truncated"], insightsJSON: row["insights"], summary: row["summary"],
            addedAt: date(row, "added_at"))
    }

    static func feedback(_ row: Row) throws -> FeedbackRecord {
        let verdictText: String = row["verdict"]
        guard let verdict = FeedbackVerdict(rawValue: verdictText) else {
            throw StoreFailure(.corrupt, "feedback on \(row["recommendation_id"] as String) has unknown verdict \"\(verdictText)\"")
        }
        return FeedbackRecord(
            recommendationID: row["recommendation_id"], sessionID: row["session_id"], verdict: verdict,
            recommendationText: row["recommendation_text"], comment: row["comment"], at: date(row, "at"))
    }

    static func pastCase(_ row: Row) throws -> PastCaseRecord {
        PastCaseRecord(
            id: row["id"], recommendationID: row["recommendation_id"], recommendationText: row["recommendation_text"],
            sessionID: row["session_id"], incidentSummary: row["incident_summary"],
            templates: try JSONText.decodeStrings(row["templates"], what: "past case templates"),
            createdAt: date(row, "created_at"))
    }

    static func incident(_ row: Row) throws -> IncidentRecord {
        IncidentRecord(
            id: row["id"], start: date(row, "start_at"), end: date(row, "end_at"), anomaliesJSON: row["anomalies"],
            summary: row["summary"], rootCauses: try JSONText.decodeStrings(row["root_causes"], what: "root causes"),
            nextSteps: try JSONText.decodeStrings(row["next_steps"], what: "next steps"), updatedAt: date(row, "updated_at"))
    }

    static func template(_ row: Row) -> TemplateRecord {
        TemplateRecord(
            id: row["id"], groupID: row["group_id"], text: row["text"], count: row["count"],
            lastSequence: row["last_sequence"], level: row["level"], stateJSON: row["state"], updatedAt: date(row, "updated_at"))
    }

    static func audit(_ row: Row) -> AuditRecord {
        AuditRecord(id: row["id"], at: date(row, "at"), action: row["action"], sessionID: row["session_id"], detail: row["detail"])
    }
}
