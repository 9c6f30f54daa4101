import Foundation

/// Prints the ingest rows as one markdown table, with ratios against `cat` and mtail, and
/// the verdict on issue 3's target (≤ 2× cat's time, ≥ 4× mtail's lines/s on one core).
struct IngestTable {
    let rows: [IngestRow]
    let cat: IngestRow
    /// mtail counting lines: the reference of the mtail ratio columns.
    let mtail: IngestRow?
    /// mtail with the level regex: the peer of the parsing case in the verdict.
    let mtailRegex: IngestRow?

    func print() {
        Swift.print("| case | lines | MB | seconds | CPU s | lines/s | MB/s | lines per CPU-s | time ÷ cat | lines/s ÷ mtail | lines per CPU-s ÷ mtail |")
        Swift.print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for r in rows {
            let vsMtail = mtail.map { ratio(r.linesPerSecond / $0.linesPerSecond) } ?? "—"
            let vsMtailCPU = mtail.map { ratio(r.linesPerCPUSecond / $0.linesPerCPUSecond) } ?? "—"
            Swift.print(
                "| \(r.name) | \(r.lines) | \(String(format: "%.0f", Double(r.bytes) / 1e6)) | \(String(format: "%.2f", r.seconds)) "
                    + "| \(String(format: "%.2f", r.cpuSeconds)) | \(count(r.linesPerSecond)) | \(String(format: "%.0f", r.megabytesPerSecond)) "
                    + "| \(count(r.linesPerCPUSecond)) | \(ratio(r.seconds / cat.seconds)) | \(vsMtail) | \(vsMtailCPU) |")
        }
        Swift.print("")
        Swift.print(
            "The mtail columns compare with its line-counting program. Target (issue 3): within 2× of cat's time, "
                + "≥ 4× mtail's lines/s on one core (lines per CPU second).")
        for r in rows where r.name.hasPrefix("TailSource") {
            let parses = r.name.contains("EventParser")
            var verdict = "- \(r.name): \(ratio(r.seconds / cat.seconds)) cat's time (\(r.seconds / cat.seconds <= 2 ? "met" : "missed"))"
            for (label, peer) in [("mtail counting lines", mtail), ("mtail with the level regex", parses ? mtailRegex : nil)] {
                guard let peer else { continue }
                let perCore = r.linesPerCPUSecond / peer.linesPerCPUSecond
                verdict += "; \(ratio(perCore)) \(label) per CPU second (\(perCore >= 4 ? "met" : "missed"))"
            }
            Swift.print(verdict)
        }
    }

    private func ratio(_ v: Double) -> String { String(format: v >= 10 ? "%.0f×" : "%.2f×", v) }

    /// Millions with one decimal (`2.3 M`), thousands as integers below that.
    private func count(_ v: Double) -> String {
        v >= 1e6 ? String(format: "%.2f M", v / 1e6) : String(format: "%.0f k", v / 1e3)
    }
}
