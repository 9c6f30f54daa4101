import FaultMavenCore

/// Entries read together on the reader thread: the lines for the pipeline and each entry's cursor
/// (`cursors[i]` belongs to `lines[i]`, whose `position` is its sequence number).
struct JournalBatch: Sendable {
    var lines: [RawLine] = []
    var cursors: [String] = []

    var isEmpty: Bool { lines.isEmpty }
    var count: Int { lines.count }

    mutating func append(_ line: RawLine, cursor: String) {
        lines.append(line)
        cursors.append(cursor)
    }

    /// `(sequence number, cursor)` of every entry, ascending.
    var positions: [(seq: Int64, cursor: String)] {
        zip(lines, cursors).map { ($0.position, $1) }
    }
}
