import Synchronization

/// A counter one task advances and another watches (the ingest watchdog).
final class ProgressCounter: Sendable {
    private let atomic = Atomic<Int>(0)

    var value: Int {
        get { atomic.load(ordering: .relaxed) }
        set { atomic.store(newValue, ordering: .relaxed) }
    }
}
