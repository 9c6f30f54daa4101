import Foundation

/// The numeric series of one source, bounded: beyond `capacity` the least recently updated is evicted.
public struct MetricTable: Sendable {
    public let capacity: Int
    private(set) var series: [MetricKey: MetricSeries] = [:]
    /// Series evicted to stay within `capacity`.
    public private(set) var evictedCount = 0
    /// Every series' current bucket is at least this bucket index (rolling is skipped below it).
    private var rolledIndex = Int64.min
    /// Bucket width of the series (set by the first one).
    private var width: TimeInterval = 0

    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    public var count: Int { series.count }
    /// Every series, in no particular order.
    public var all: some Collection<MetricSeries> { series.values }

    /// Adds `value` to the series `key`, creating it (and evicting the stalest series when full).
    mutating func add(
        _ value: Double, key: MetricKey, name: @autoclosure () -> String, template: String? = nil, unit: String, at time: Date,
        anomalous: Bool, width: TimeInterval, historyBuckets: Int
    ) {
        if let i = series.index(forKey: key) {
            series.values[i].add(value, at: time, anomalous: anomalous)
            return
        }
        if self.width == 0 { self.width = width > 0 ? width : 1 }
        if series.count >= capacity, let victim = stalest() {
            series.removeValue(forKey: victim)
            evictedCount += 1
        }
        var templateID: Int?
        if case .parameter(let id, _) = key { templateID = id }
        var fresh = MetricSeries(
            key: key.text, name: name(), unit: unit, templateID: templateID, template: template, width: width, capacity: historyBuckets,
            time: time)
        fresh.add(value, at: time, anomalous: anomalous)
        // A series created in an older bucket than the others must be rolled with the next roll.
        if let newest = fresh.buckets.newestIndex, newest < rolledIndex { rolledIndex = newest }
        series[key] = fresh
    }

    /// Rolls every series to `time` so that its newest bucket is the current one.
    mutating func roll(to time: Date) {
        guard width > 0, !series.isEmpty else { return }
        let v = (time.timeIntervalSince1970 / width).rounded(.down)
        let target = v.isFinite ? Int64(max(min(v, 9.0e15), -9.0e15)) : 0
        guard target > rolledIndex else { return }
        for i in series.values.indices { series.values[i].roll(to: time) }
        rolledIndex = target
    }

    private func stalest() -> MetricKey? {
        var best: (key: MetricKey, series: MetricSeries)?
        for (k, s) in series {
            guard let b = best else {
                best = (k, s)
                continue
            }
            if s.lastUpdate < b.series.lastUpdate || (s.lastUpdate == b.series.lastUpdate && s.key < b.series.key) {
                best = (k, s)
            }
        }
        return best?.key
    }
}
