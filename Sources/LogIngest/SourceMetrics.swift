import FaultMavenCore

/// The metric families every source shares (names, help and labels declared once), so
/// dashboards see files and the journal alike.
struct SourceMetrics: Sendable {
    /// Lines (journal: entries) accepted downstream.
    let lines: Counter
    /// Bytes read (journal: MESSAGE bytes of the entries accepted).
    let bytes: Counter
    /// Lines cut at `max_line_size` (journal: MESSAGE values cut at the data threshold).
    let tooLongLines: Counter
    /// Lines that were not valid UTF-8 (kept with replacement characters).
    let invalidUTF8Lines: Counter
    /// Checkpoint writes (pos_file, cursor file).
    let checkpointWrites: Counter

    init(registry: MetricsRegistry, source s: String) {
        lines = registry.counterFamily(
            "faultmaven_source_lines_total", help: "Lines read per source and accepted downstream.",
            labels: ["source"]
        ).counter(s)
        bytes = registry.counterFamily(
            "faultmaven_source_bytes_total", help: "Bytes read per source.", labels: ["source"]
        ).counter(s)
        let skippedLines = registry.counterFamily(
            "faultmaven_source_skipped_lines_total",
            help: "Lines altered or skipped per source and reason (too_long: cut at max_line_size; invalid_utf8: kept with replacement characters).",
            labels: ["source", "reason"])
        tooLongLines = skippedLines.counter(s, "too_long")
        invalidUTF8Lines = skippedLines.counter(s, "invalid_utf8")
        checkpointWrites = registry.counterFamily(
            "faultmaven_checkpoint_writes_total", help: "Checkpoint (pos_file, journal cursor) writes per source.", labels: ["source"]
        ).counter(s)
    }
}
