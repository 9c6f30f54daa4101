import Foundation

/// One line (or one structured entry) as read by a source, before parsing.
public struct RawLine: Sendable, Hashable {
    /// Source id (configured path or tag).
    public var source: String
    /// The concrete file the line came from (differs from `source` for globs).
    public var path: String
    public var tag: String
    /// 1-based line number within `path` since the agent started following it.
    public var number: Int
    public var text: String
    public var readAt: Date
    /// Identity of the stream the line came from (a file's `device:inode`, a journal); checkpoints
    /// and acknowledgements are kept per stream. Empty for one-shot reads.
    public var streamID: String = ""
    /// The stream's position just after this line: a byte offset for files, an entry sequence
    /// number for the journal. Monotonic within a stream until it is truncated.
    public var position: Int64 = 0
    /// Structured sources (the journal) fill these: the entry is already parsed and `text` is
    /// its message.
    public var time: Date?
    public var level: Level?
    public var fields: [String: String] = [:]

    public init(source: String, path: String, tag: String, number: Int, text: String, readAt: Date = Date()) {
        self.source = source
        self.path = path
        self.tag = tag
        self.number = number
        self.text = text
        self.readAt = readAt
    }

    /// Whether the source parsed the entry itself (see `time`, `level`, `fields`).
    public var isStructured: Bool { time != nil || level != nil || !fields.isEmpty }
}
