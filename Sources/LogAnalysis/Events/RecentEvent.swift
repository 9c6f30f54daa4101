import FaultMavenCore
import Foundation

/// One raw event kept for evidence: its time, level, template and text (cut to the sample length).
public struct RecentEvent: Sendable, Hashable {
    /// Bytes charged per event besides its text (the value, the string header, bookkeeping).
    public static let overhead = 64

    public var time: Date
    public var level: Level
    public var templateID: Int?
    public var text: String

    public init(time: Date, level: Level, templateID: Int?, text: String) {
        self.time = time
        self.level = level
        self.templateID = templateID
        self.text = text
    }

    /// What the event counts against a byte budget.
    public var cost: Int { text.utf8.count + Self.overhead }
}
