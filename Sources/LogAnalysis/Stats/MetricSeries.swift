import FaultMavenCore
import Foundation

/// One numeric series of a source (a numeric field, or one numeric parameter of one template) as a
/// rolling robust distribution in constant space: a `BucketRing` of `MetricBucket`s (count plus a
/// sample of up to 8 values per bucket) and a running histogram of the closed buckets outside
/// anomalies, the baseline, kept exact as buckets close and leave the history.
public struct MetricSeries: Sendable {
    /// Stable key: `f:<field>` or `t:<template id>:<parameter index>`.
    public let key: String
    /// Human-readable name used in evidence and summaries.
    public var name: String
    /// Unit suffix seen on the values (`ms`, `s`, `%`, ...), "" when none.
    public var unit: String
    /// The template whose parameter this is (id and text when created), nil for a field.
    public let templateID: Int?
    public let template: String?
    public private(set) var buckets: BucketRing<MetricBucket>
    public private(set) var lastUpdate: Date
    /// Closed, non-anomalous buckets of the history.
    private(set) var baseline = LogHistogram()
    private var random: SplitMix64

    init(
        key: String, name: String, unit: String, templateID: Int? = nil, template: String? = nil, width: TimeInterval,
        capacity: Int, time: Date
    ) {
        self.key = key
        self.name = name
        self.unit = unit
        self.templateID = templateID
        self.template = template
        self.buckets = BucketRing(width: width, capacity: capacity)
        self.lastUpdate = time
        // Seeded from the key so a replay samples the same values every time.
        var seed: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in key.utf8 { seed = (seed ^ UInt64(b)) &* 0x100_0000_01B3 }
        random = SplitMix64(seed: seed)
    }

    /// Adds a value (stored on the `LogScale`, log(1 + v)) at event time `time`.
    mutating func add(_ value: Double, at time: Date, anomalous: Bool) {
        let bin = LogScale.bin(value)
        roll(to: time)
        guard let newest = buckets.newestIndex else { return }
        let back = Int(clamping: newest - buckets.index(of: time))
        // A late value lands in a closed bucket that may already be in the baseline: swap it there.
        let old = back >= 1 ? buckets.bucket(back: back) : nil
        var rng = random
        let stored = buckets.update(at: time) {
            $0.add(bin, random: &rng)
            if anomalous { $0.anomalous = true }
        }
        random = rng
        if stored, let old, let new = buckets.bucket(back: back) {
            if !old.anomalous { baseline.remove(old) }
            if !new.anomalous { baseline.add(new) }
        }
        lastUpdate = max(lastUpdate, time)
    }

    /// Makes the bucket containing `time` current: the closing bucket joins the baseline and buckets
    /// pushed out of the history leave it.
    mutating func roll(to time: Date) {
        guard let newest = buckets.newestIndex else {
            buckets.roll(to: time)
            return
        }
        let target = buckets.index(of: time)
        guard target > newest else { return }
        if let current = buckets.bucket(back: 0), !current.anomalous { baseline.add(current) }
        let appended = Int(min(target - newest, Int64(buckets.capacity)))
        let dropped = max(0, buckets.count + appended - buckets.capacity)
        for k in 0..<dropped {
            if let b = buckets.bucket(back: buckets.count - 1 - k), !b.anomalous { baseline.remove(b) }
        }
        buckets.roll(to: time)
    }

    /// Values in the `n` closed buckets before the current one.
    func recentCount(buckets n: Int) -> Int {
        buckets.sum(from: 1, count: n).total.count
    }

    /// The distribution of the `n` closed buckets before the current one (anomalous ones included) and
    /// that of the baseline before them, nil when either is empty.
    func window(buckets n: Int) -> (recent: RobustSummary, baseline: RobustSummary)? {
        // Bins and weights packed in one integer (bin in the high bits) sort without a closure.
        var recent: [UInt64] = []
        var inBaseline: [UInt64] = []
        var anyAnomalous = false
        recent.reserveCapacity(n * MetricBucket.slots)
        for back in 1...max(1, n) {
            guard let b = buckets.bucket(back: back) else { break }
            anyAnomalous = anyAnomalous || b.anomalous
            b.forEachWeighted { bin, weight in
                let packed = UInt64(bin) << 40 | UInt64(weight)
                recent.append(packed)
                if !b.anomalous { inBaseline.append(packed) }
            }
        }
        recent.sort()
        let recentPairs = Self.merged(recent)
        let excluded: [(bin: UInt16, weight: Int)]
        if anyAnomalous {
            inBaseline.sort()
            excluded = Self.merged(inBaseline)
        } else {
            excluded = recentPairs
        }
        guard let r = RobustSummary(sortedBins: recentPairs), let base = baseline.summary(excluding: excluded)
        else { return nil }
        return (r, base)
    }

    /// Sorted packed (bin, weight) values as pairs, one per bin (weights of a bin summed).
    private static func merged(_ sorted: [UInt64]) -> [(bin: UInt16, weight: Int)] {
        var out: [(bin: UInt16, weight: Int)] = []
        out.reserveCapacity(sorted.count)
        for p in sorted {
            let bin = UInt16(truncatingIfNeeded: p >> 40)
            let weight = Int(p & 0xFF_FFFF_FFFF)
            if let last = out.last, last.bin == bin {
                out[out.count - 1].weight += weight
            } else {
                out.append((bin, weight))
            }
        }
        return out
    }
}
