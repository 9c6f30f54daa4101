/// The name analysis uses for a file: rotated generations of one log are one source, so a
/// rotation neither looks like a new service nor makes the old name fall silent.
enum SourceName {
    /// `/var/log/app.log.1` → `/var/log/app.log`; `app.log-20260302.gz` → `app.log`;
    /// `app.2.log` is left alone (it names another file, not a generation).
    static func canonical(_ path: String) -> String {
        var p = Substring(path)
        for ext in [".gz", ".zst", ".bz2", ".xz"] where p.hasSuffix(ext) {
            p = p.dropLast(ext.count)
            break
        }
        // Trailing `.N` (logrotate numbering) or `-YYYYMMDD[HH]` / `.YYYYMMDD` (dateext).
        if let sep = p.lastIndex(where: { $0 == "." || $0 == "-" }) {
            let suffix = p[p.index(after: sep)...]
            let digits = !suffix.isEmpty && suffix.allSatisfy(\.isNumber)
            let isGeneration = digits && (suffix.count <= 3 || (8...10).contains(suffix.count))
            let stem = p[..<sep]
            // Only when what remains still looks like a log file name.
            if isGeneration, stem.contains(".log") || stem.hasSuffix("log") || stem.hasSuffix(".txt") || stem.hasSuffix(".out") {
                p = stem
            }
        }
        return String(p)
    }
}
