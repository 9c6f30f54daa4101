import FaultMavenCore

/// The sidecar beside the pos_file (`<pos_file>.state`) holding what Fluentd's format cannot:
/// file head fingerprints and stream generations (to detect inode reuse across restarts),
/// streams that ended (to recognise their copies) and compressed files already read.
///
/// Text, one ``StreamRecord`` per line after a version header, written atomically; lines that
/// do not parse are skipped and counted. The pos_file stays exactly Fluentd's format.
struct TailStateFile: Sendable {
    static let header = "# faultmaven tail state v1"
    /// Largest sidecar read (records are ~120 bytes; the ledger keeps a few thousand).
    static let maxFileBytes = 16 * 1024 * 1024

    let path: String

    /// The sidecar path for a pos_file.
    init(posFile: String) { path = posFile + ".state" }

    /// Records, plus the number of unusable lines. A missing file is empty.
    func load() throws -> (records: [StreamRecord], skipped: Int) {
        guard let bytes = try AtomicFile.read(path, limit: TailStateFile.maxFileBytes, what: "tail state file") else { return ([], 0) }
        return TailStateFile.parse(String(decoding: bytes, as: UTF8.self))
    }

    static func parse(_ text: String) -> (records: [StreamRecord], skipped: Int) {
        var records: [StreamRecord] = []
        var skipped = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.hasPrefix("#") { continue }
            if let r = StreamRecord.parse(line) { records.append(r) } else { skipped += 1 }
        }
        return (records, skipped)
    }

    static func render(_ records: [StreamRecord]) -> String {
        var out = header + "\n"
        for r in records {
            if let line = r.render() { out += line + "\n" }
        }
        return out
    }

    func save(_ records: [StreamRecord]) throws {
        try AtomicFile.write(TailStateFile.render(records), to: path)
    }
}
