import Foundation

/// One numeric series of a source: a numeric field, or one numeric parameter of one template.
public struct MetricSeries: Sendable {
    /// Stable key: `f:<field>` or `t:<template id>:<parameter index>`.
    public let key: String
    /// Human-readable name used in evidence and summaries.
    public var name: String
    /// Unit suffix seen on the values (`ms`, `s`, `%`, ...), "" when none.
    public var unit: String
    public private(set) var buckets: BucketRing<MetricMoments>
    public private(set) var lastUpdate: Date

    init(key: String, name: String, unit: String, width: TimeInterval, capacity: Int, time: Date) {
        self.key = key
        self.name = name
        self.unit = unit
        self.buckets = BucketRing(width: width, capacity: capacity)
        self.lastUpdate = time
    }

    /// Adds a value (> 0 after unit normalization is not required: it is stored as log(1 + value)).
    mutating func add(_ value: Double, at time: Date, anomalous: Bool) {
        let logValue = Foundation.log1p(max(0, value))
        buckets.update(at: time) {
            $0.add(logValue)
            if anomalous { $0.anomalous = true }
        }
        lastUpdate = max(lastUpdate, time)
    }

    mutating func roll(to time: Date) {
        buckets.roll(to: time)
    }
}
