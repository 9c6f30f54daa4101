import FaultMavenCore
import Foundation

/// What a source has seen of one template.
public struct TemplateStat: Sendable {
    public let id: Int
    /// Latest text of the template (the miner may generalize it over time).
    public var template: String
    /// Highest level seen with this template.
    public var level: Level
    public var count = 0
    public var firstSeen: Date
    public var lastSeen: Date
    /// True when the template first appeared after the source's warm-up and was neither known before
    /// nor a variant of a known template: only such templates can be reported as new patterns.
    public var novel: Bool
    /// Arrival times of the latest occurrences, oldest first.
    public private(set) var recent: RingBuffer<Date>
    /// The latest message with this template (cut to the sample length).
    public var lastMessage: String

    init(id: Int, template: String, level: Level, time: Date, novel: Bool, recentCapacity: Int, message: String) {
        self.id = id
        self.template = template
        self.level = level
        self.firstSeen = time
        self.lastSeen = time
        self.novel = novel
        self.recent = RingBuffer(capacity: recentCapacity)
        self.lastMessage = message
    }

    /// Counts one occurrence.
    mutating func record(level: Level, time: Date, template: String?, message: String) {
        count += 1
        if level != .unknown && (self.level == .unknown || level > self.level) { self.level = level }
        lastSeen = max(lastSeen, time)
        recent.append(time)
        if let template, template != self.template { self.template = template }
        lastMessage = message
    }

    /// Occurrences (among the latest kept) at or after `since`, and the earliest of them.
    public func occurrences(since: Date) -> (count: Int, earliest: Date?) {
        var n = 0
        var earliest: Date?
        for t in recent where t >= since {
            n += 1
            if earliest == nil || t < earliest! { earliest = t }
        }
        return (n, earliest)
    }
}
