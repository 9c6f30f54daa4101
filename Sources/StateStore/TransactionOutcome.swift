/// A transaction's value together with its effects.
struct TransactionOutcome<Value: Sendable>: Sendable {
    var value: Value
    var effects: WriteEffects
}
