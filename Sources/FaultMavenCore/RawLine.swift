import Foundation

/// Where lines come from: the parts that are the same for every line of a stream, shared by
/// reference so a line costs one retain for them rather than four.
public final class LineOrigin: Sendable, Hashable {
    public let source: String
    public let path: String
    public let tag: String
    public let streamID: String

    public init(source: String, path: String, tag: String, streamID: String = "") {
        self.source = source
        self.path = path
        self.tag = tag
        self.streamID = streamID
    }

    public static func == (a: LineOrigin, b: LineOrigin) -> Bool {
        a === b || (a.source == b.source && a.path == b.path && a.tag == b.tag && a.streamID == b.streamID)
    }

    public func hash(into h: inout Hasher) {
        h.combine(source)
        h.combine(path)
        h.combine(tag)
        h.combine(streamID)
    }
}

/// One line (or one structured entry) as read by a source, before parsing.
public struct RawLine: Sendable, Hashable {
    /// Source, path, tag and stream, shared by all lines of a stream.
    public var origin: LineOrigin

    /// Source id (configured path or tag).
    public var source: String {
        get { origin.source }
        set { origin = LineOrigin(source: newValue, path: origin.path, tag: origin.tag, streamID: origin.streamID) }
    }

    /// The concrete file the line came from (differs from `source` for globs).
    public var path: String {
        get { origin.path }
        set { origin = LineOrigin(source: origin.source, path: newValue, tag: origin.tag, streamID: origin.streamID) }
    }

    public var tag: String {
        get { origin.tag }
        set { origin = LineOrigin(source: origin.source, path: origin.path, tag: newValue, streamID: origin.streamID) }
    }

    /// Identity of the stream the line came from (a file's `device:inode:generation`, a journal);
    /// checkpoints and acknowledgements are kept per stream. Empty for one-shot reads.
    public var streamID: String {
        get { origin.streamID }
        set { origin = LineOrigin(source: origin.source, path: origin.path, tag: origin.tag, streamID: newValue) }
    }

    /// 1-based line number within `path` since the agent started following it.
    public var number: Int
    public var text: String
    public var readAt: Date
    /// The stream's position just after this line: a byte offset for files, an entry sequence
    /// number for the journal. Monotonic within a stream until it is truncated.
    public var position: Int64 = 0
    /// Structured sources (the journal) fill these: the entry is already parsed and `text` is
    /// its message.
    public var time: Date?
    public var level: Level?
    public var fields: [String: String] = [:]

    public init(source: String, path: String, tag: String, number: Int, text: String, readAt: Date = Date()) {
        self.init(origin: LineOrigin(source: source, path: path, tag: tag), number: number, text: text, readAt: readAt)
    }

    /// A line of a stream whose origin is shared with its other lines (the hot path of sources).
    public init(origin: LineOrigin, number: Int, text: String, readAt: Date = Date()) {
        self.origin = origin
        self.number = number
        self.text = text
        self.readAt = readAt
    }

    /// Whether the source parsed the entry itself (see `time`, `level`, `fields`).
    public var isStructured: Bool { time != nil || level != nil || !fields.isEmpty }
}
