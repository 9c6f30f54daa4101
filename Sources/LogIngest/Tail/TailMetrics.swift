import FaultMavenCore

/// The tail source's self-metrics for one `source` label, registered once and then updated
/// through handles (one atomic add each).
@dynamicMemberLookup
struct TailMetrics: Sendable {
    /// The families every source shares (`lines`, `bytes`, `tooLongLines`, …), read through member lookup.
    let common: SourceMetrics

    let filesWatched: Gauge
    let rotations: Counter
    let truncations: Counter
    let binaryFiles: Counter
    let tooManyFiles: Counter
    let alreadyRead: Counter
    let unreadableFiles: Counter
    let stateEvictions: Counter
    let lagBytes: Gauge

    init(registry: MetricsRegistry, source: String) {
        let s = source
        common = SourceMetrics(registry: registry, source: s)
        filesWatched = registry.gaugeFamily(
            "faultmaven_source_files_watched", help: "Files currently open for reading per source.",
            labels: ["source"]
        ).gauge(s)
        rotations = registry.counterFamily(
            "faultmaven_source_rotations_total", help: "File rotations (rename or replacement) detected per source.",
            labels: ["source"]
        ).counter(s)
        truncations = registry.counterFamily(
            "faultmaven_source_truncations_total",
            help: "Files found truncated or replaced (copytruncate, stale checkpoint); read again from the head.",
            labels: ["source"]
        ).counter(s)
        let skippedFiles = registry.counterFamily(
            "faultmaven_source_skipped_files_total",
            help: "Files not read per source and reason (binary: NUL bytes in the first 8 KiB; too_many_files: open-file limit reached; already_read: a compressed copy of data already read; unreadable: corrupt compressed data).",
            labels: ["source", "reason"])
        binaryFiles = skippedFiles.counter(s, "binary")
        tooManyFiles = skippedFiles.counter(s, "too_many_files")
        alreadyRead = skippedFiles.counter(s, "already_read")
        unreadableFiles = skippedFiles.counter(s, "unreadable")
        stateEvictions = registry.counterFamily(
            "faultmaven_source_state_evictions_total",
            help: "Remembered streams (ended files, compressed files already read) forgotten to stay within bounds, per source.",
            labels: ["source"]
        ).counter(s)
        lagBytes = registry.gaugeFamily(
            "faultmaven_source_lag_bytes", help: "Bytes written to watched files but not yet accepted downstream, per source.",
            labels: ["source"]
        ).gauge(s)
    }

    subscript<T>(dynamicMember path: KeyPath<SourceMetrics, T>) -> T { common[keyPath: path] }
}
