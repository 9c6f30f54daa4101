import FaultMavenCore

/// The journal source's self-metrics for one `source` label. The `faultmaven_source_*` and
/// `faultmaven_checkpoint_writes_total` families are shared with the tail source (same names,
/// help and labels), so dashboards see every source alike.
@dynamicMemberLookup
struct JournalMetrics: Sendable {
    /// The families every source shares (`lines`, `bytes`, `tooLongLines`, …), read through member lookup.
    let common: SourceMetrics

    /// Stored cursors that named no entry any more (vacuumed) or could not be parsed.
    let cursorMismatches: Counter
    /// Field values cut at the data threshold.
    let truncatedFields: Counter
    /// Fields dropped by `maxFieldsPerEntry` or `maxEntryBytes`.
    let droppedFields: Counter
    /// Field values stored base64-encoded because they were not text.
    let binaryFields: Counter
    /// Cursors of unacknowledged entries forgotten because `maxPendingCursors` was reached.
    let pendingCursorEvictions: Counter
    /// Failed reads (`sd_journal_next` errors) and cursor-file write failures.
    let readErrors: Counter

    init(registry: MetricsRegistry, source: String) {
        let s = source
        common = SourceMetrics(registry: registry, source: s)
        cursorMismatches = registry.counterFamily(
            "faultmaven_journal_cursor_mismatches_total",
            help: "Stored journal cursors that matched no entry (vacuumed or malformed); reading resumed at the nearest entry without skipping it.",
            labels: ["source"]
        ).counter(s)
        let fields = registry.counterFamily(
            "faultmaven_journal_fields_altered_total",
            help: "Journal entry fields altered per source and reason (truncated: cut at the data threshold; dropped: over the per-entry field or byte limit; base64: binary value encoded).",
            labels: ["source", "reason"])
        truncatedFields = fields.counter(s, "truncated")
        droppedFields = fields.counter(s, "dropped")
        binaryFields = fields.counter(s, "base64")
        pendingCursorEvictions = registry.counterFamily(
            "faultmaven_journal_pending_cursor_evictions_total",
            help: "Cursors of sent but unacknowledged journal entries forgotten at the pending-cursor limit (the stored cursor lags; restarts may repeat entries).",
            labels: ["source"]
        ).counter(s)
        readErrors = registry.counterFamily(
            "faultmaven_journal_errors_total",
            help: "Journal read errors and cursor-file write failures per source (the source retries).",
            labels: ["source"]
        ).counter(s)
    }

    subscript<T>(dynamicMember path: KeyPath<SourceMetrics, T>) -> T { common[keyPath: path] }
}
