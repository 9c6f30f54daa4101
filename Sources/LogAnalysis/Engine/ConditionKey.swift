/// Identifies one anomalous condition: a detector kind, a source and a detector-chosen key.
struct ConditionKey: Hashable, Sendable {
    let kind: AnomalyKind
    let source: String
    let key: String
}
