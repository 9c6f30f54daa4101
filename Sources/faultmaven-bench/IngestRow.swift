/// One measured case of the ingest benchmark.
struct IngestRow {
    var name: String
    var lines: Int
    var bytes: Int64
    /// Wall-clock seconds.
    var seconds: Double
    /// User + system CPU seconds over all threads.
    var cpuSeconds: Double

    var linesPerSecond: Double { Double(lines) / seconds }
    var megabytesPerSecond: Double { Double(bytes) / seconds / 1e6 }
    /// Lines per CPU second: the rate one core would sustain.
    var linesPerCPUSecond: Double { Double(lines) / max(cpuSeconds, 1e-9) }
}
