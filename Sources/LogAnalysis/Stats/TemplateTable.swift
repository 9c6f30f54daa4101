import FaultMavenCore
import Foundation

/// The templates of one source, bounded: beyond `capacity` the least used (then least recent) is evicted.
public struct TemplateTable: Sendable {
    public let capacity: Int
    private(set) var stats: [Int: TemplateStat] = [:]
    /// Templates evicted to stay within `capacity`.
    public private(set) var evictedCount = 0

    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    public var count: Int { stats.count }
    public subscript(id: Int) -> TemplateStat? { stats[id] }
    public var all: Dictionary<Int, TemplateStat>.Values { stats.values }

    /// Inserts a new template, evicting one first when full.
    mutating func insert(_ stat: TemplateStat) {
        if stats[stat.id] == nil, stats.count >= capacity, let victim = leastValuable() {
            stats.removeValue(forKey: victim)
            evictedCount += 1
        }
        stats[stat.id] = stat
    }

    /// Applies `body` to the template `id` if present.
    mutating func update(_ id: Int, _ body: (inout TemplateStat) -> Void) {
        guard stats[id] != nil else { return }
        body(&stats[id]!)
    }

    /// The `limit` most frequent templates, most frequent first (ties by id).
    public func top(_ limit: Int) -> [TemplateStat] {
        Array(stats.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0.id < $1.id }.prefix(max(0, limit)))
    }

    private func leastValuable() -> Int? {
        var best: TemplateStat?
        for s in stats.values {
            guard let b = best else {
                best = s
                continue
            }
            if s.count < b.count || (s.count == b.count && (s.lastSeen < b.lastSeen || (s.lastSeen == b.lastSeen && s.id < b.id))) {
                best = s
            }
        }
        return best?.id
    }
}
