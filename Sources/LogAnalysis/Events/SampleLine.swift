import Foundation

/// A raw line kept as evidence of an incident: where and when it was logged, its level and text.
public struct SampleLine: Sendable, Codable, Hashable {
    public var source: String
    public var time: Date
    /// Level name (`ERROR`, `INFO`, ...).
    public var level: String
    public var text: String

    public init(source: String, time: Date, level: String, text: String) {
        self.source = source
        self.time = time
        self.level = level
        self.text = text
    }
}
