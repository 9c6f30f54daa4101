import FaultMavenCore

/// Checkpoints in Fluentd's `pos_file` format, so an existing Fluentd pos file carries over:
/// one line per file, `PATH\tOFFSET\tINODE`, both numbers as 16 lower-case hex digits
/// (`/var/log/a.log\t00000000000004d2\t0000000000a1b2c3`). Fluentd marks entries it stopped
/// watching with offset `ffffffffffffffff`; those are ignored when loading.
struct PositionFile: Sendable {
    /// One checkpoint.
    struct Entry: Equatable, Sendable {
        var offset: Int64
        var inode: UInt64
    }

    /// Entries kept at most (lines of a foreign pos file beyond it are dropped and counted).
    static let maxEntries = 100_000
    /// Fluentd's "no longer watched" offset.
    static let unwatched: UInt64 = 0xFFFF_FFFF_FFFF_FFFF

    let path: String

    /// Largest pos file read (a Fluentd pos file holds ~100 bytes per file).
    static let maxFileBytes = 64 * 1024 * 1024

    /// Parsed entries by path, plus the number of lines that could not be used.
    /// A missing file is empty; an unreadable one is an error naming it.
    func load() throws -> (entries: [String: Entry], skipped: Int) {
        guard let bytes = try AtomicFile.read(path, limit: PositionFile.maxFileBytes, what: "pos_file") else { return ([:], 0) }
        return PositionFile.parse(String(decoding: bytes, as: UTF8.self))
    }

    /// Parses pos-file text. Later lines for the same path win (Fluentd appends).
    static func parse(_ text: String) -> (entries: [String: Entry], skipped: Int) {
        var entries: [String: Entry] = [:]
        var skipped = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cols.count == 3, !cols[0].isEmpty,
                let offset = UInt64(cols[1], radix: 16), let inode = UInt64(cols[2], radix: 16)
            else {
                skipped += 1
                continue
            }
            if offset == unwatched || offset > UInt64(Int64.max) { continue }
            if entries.count >= maxEntries && entries[String(cols[0])] == nil {
                skipped += 1
                continue
            }
            entries[String(cols[0])] = Entry(offset: Int64(offset), inode: inode)
        }
        return (entries, skipped)
    }

    /// The file's text for `entries`, sorted by path.
    static func render(_ entries: [String: Entry]) -> String {
        var out = ""
        for (path, e) in entries.sorted(by: { $0.key < $1.key }) where !path.contains("\n") {
            out += "\(path)\t\(hex16(UInt64(max(0, e.offset))))\t\(hex16(e.inode))\n"
        }
        return out
    }

    static func hex16(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: max(0, 16 - s.count)) + s
    }

    /// Writes `entries` atomically (see ``AtomicFile/write(_:to:)``).
    func save(_ entries: [String: Entry]) throws {
        try AtomicFile.write(PositionFile.render(entries), to: path)
    }
}
