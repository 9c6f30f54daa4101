import FaultMavenCore

/// The journal source's self-metrics for one `source` label. The `faultmaven_source_*` and
/// `faultmaven_checkpoint_writes_total` families are shared with the tail source (same names,
/// help and labels), so dashboards see every source alike.
struct JournalMetrics: Sendable {
    /// Entries accepted downstream.
    let lines: Counter
    /// MESSAGE bytes of the entries accepted downstream.
    let bytes: Counter
    /// MESSAGE values cut at the data threshold.
    let tooLongLines: Counter
    /// MESSAGE values that were not valid UTF-8 (kept with replacement characters).
    let invalidUTF8Lines: Counter
    /// Cursor-file writes.
    let checkpointWrites: Counter
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
        let common = SourceMetrics(registry: registry, source: s)
        lines = common.lines
        bytes = common.bytes
        tooLongLines = common.tooLongLines
        invalidUTF8Lines = common.invalidUTF8Lines
        checkpointWrites = common.checkpointWrites
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
}
