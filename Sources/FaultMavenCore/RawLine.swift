import Foundation

/// One line as read by a source, before parsing.
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

    public init(source: String, path: String, tag: String, number: Int, text: String, readAt: Date = Date()) {
        self.source = source
        self.path = path
        self.tag = tag
        self.number = number
        self.text = text
        self.readAt = readAt
    }
}
