import Foundation

/// The numeric series of one source, bounded: beyond `capacity` the least recently updated is evicted.
public struct MetricTable: Sendable {
    public let capacity: Int
    private(set) var series: [String: MetricSeries] = [:]
    /// Series evicted to stay within `capacity`.
    public private(set) var evictedCount = 0

    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    public var count: Int { series.count }
    public var all: Dictionary<String, MetricSeries>.Values { series.values }

    /// Adds `value` to the series `key`, creating it (and evicting the stalest series when full).
    mutating func add(
        _ value: Double, key: String, name: @autoclosure () -> String, unit: String, at time: Date,
        anomalous: Bool, width: TimeInterval, historyBuckets: Int
    ) {
        if series[key] == nil {
            if series.count >= capacity, let victim = stalest() {
                series.removeValue(forKey: victim)
                evictedCount += 1
            }
            series[key] = MetricSeries(
                key: key, name: name(), unit: unit, width: width, capacity: historyBuckets, time: time)
        }
        series[key]!.add(value, at: time, anomalous: anomalous)
    }

    /// Rolls every series to `time` so that its newest bucket is the current one.
    mutating func roll(to time: Date) {
        for key in series.keys { series[key]!.roll(to: time) }
    }

    private func stalest() -> String? {
        series.values.min { $0.lastUpdate != $1.lastUpdate ? $0.lastUpdate < $1.lastUpdate : $0.key < $1.key }?.key
    }
}
