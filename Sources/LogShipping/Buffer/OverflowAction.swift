/// What `append` does when the buffer holds `total_limit_size` bytes (Fluentd's `overflow_action`).
public enum OverflowAction: String, Sendable, CaseIterable {
    /// Suspend the caller until delivered chunks free space (back-pressure to the sources).
    case block
    /// Drop the oldest queued chunk (its records counted as dropped, reason `overflow`).
    case dropOldestChunk = "drop_oldest_chunk"
    /// Throw `ShipError` of kind `.overflow`; the records from the failing one on are not taken.
    case throwException = "throw_exception"
}
