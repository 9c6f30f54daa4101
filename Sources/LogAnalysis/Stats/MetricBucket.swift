import FaultMavenCore
import Foundation

/// The values of a numeric series in one time bucket, in constant space: their count and a uniform
/// sample of at most `slots` of them (reservoir sampling), each kept as a `LogScale` bin.
public struct MetricBucket: BucketPayload, Hashable {
    /// Values sampled per bucket.
    public static let slots = 8
    /// Bins of the sampled values, four 16-bit lanes per word (packed: a bucket takes 24 bytes).
    private var lanes: (UInt64, UInt64) = (0, 0)
    private var storedCount: UInt32 = 0
    private var storedSampled: UInt8 = 0
    /// True when an anomaly was open on the source while this bucket filled (left out of baselines).
    public var anomalous = false

    public init() {}

    /// Values that fell in the bucket.
    public var count: Int { Int(storedCount) }
    /// Values held in the sample (at most `slots`).
    public var sampled: Int { Int(storedSampled) }

    public static func == (a: MetricBucket, b: MetricBucket) -> Bool {
        a.lanes == b.lanes && a.storedCount == b.storedCount && a.storedSampled == b.storedSampled
            && a.anomalous == b.anomalous
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(lanes.0)
        hasher.combine(lanes.1)
        hasher.combine(storedCount)
        hasher.combine(storedSampled)
        hasher.combine(anomalous)
    }

    /// Adds counts and the anomalous flag; samples are not merged (a sum of buckets is a count).
    public mutating func merge(_ other: MetricBucket) {
        let (sum, overflow) = storedCount.addingReportingOverflow(other.storedCount)
        storedCount = overflow ? .max : sum
        anomalous = anomalous || other.anomalous
    }

    /// Adds one value's bin; once the sample is full a new value replaces a random one with
    /// probability slots / count, so the sample stays uniform over the bucket's values.
    mutating func add(_ bin: UInt16, random: inout SplitMix64) {
        guard storedCount < .max else { return }
        storedCount += 1
        if sampled < Self.slots {
            setBin(sampled, bin)
            storedSampled += 1
        } else {
            let j = random.next(below: count)
            if j < Self.slots { setBin(j, bin) }
        }
    }

    /// The sampled bin in lane `i` (0 ..< slots).
    func bin(_ i: Int) -> UInt16 {
        let word = i < 4 ? lanes.0 : lanes.1
        return UInt16(truncatingIfNeeded: word >> UInt64(16 * (i & 3)))
    }

    private mutating func setBin(_ i: Int, _ bin: UInt16) {
        let shift = UInt64(16 * (i & 3))
        let mask = ~(UInt64(0xFFFF) << shift)
        if i < 4 {
            lanes.0 = lanes.0 & mask | UInt64(bin) << shift
        } else {
            lanes.1 = lanes.1 & mask | UInt64(bin) << shift
        }
    }

    /// Each sampled bin with the number of values it stands for (the weights sum to `count`).
    func forEachWeighted(_ body: (UInt16, Int) -> Void) {
        guard sampled > 0 else { return }
        let share = count / sampled
        let extra = count % sampled
        for i in 0..<sampled { body(bin(i), share + (i < extra ? 1 : 0)) }
    }

    /// Median of the bucket's sample on the log scale, nil when empty.
    var median: Double? {
        var pairs: [(bin: UInt16, weight: Int)] = []
        forEachWeighted { pairs.append(($0, $1)) }
        pairs.sort { $0.bin < $1.bin }
        return RobustSummary(sortedBins: pairs)?.median
    }
}
