/// Counts per `LogScale` bin over a contiguous range of bins that grows as values arrive (at most
/// `LogScale.binCount` bins): the running baseline of a numeric series. Values are added and removed
/// exactly (integer weights), so a sliding history never drifts.
struct LogHistogram: Sendable, Hashable {
    /// Bin of `counts[0]`.
    private(set) var offset = 0
    private(set) var counts: [UInt32] = []
    /// Sum of the counts.
    private(set) var total = 0

    /// Adds the sample of `bucket` with its weights.
    mutating func add(_ bucket: MetricBucket) {
        bucket.forEachWeighted { bin, weight in add(Int(bin), weight) }
    }

    /// Removes what `add(bucket)` added.
    mutating func remove(_ bucket: MetricBucket) {
        bucket.forEachWeighted { bin, weight in add(Int(bin), -weight) }
    }

    private mutating func add(_ bin: Int, _ weight: Int) {
        guard weight != 0 else { return }
        if counts.isEmpty {
            offset = bin
            counts = [0]
        } else if bin < offset {
            counts.insert(contentsOf: repeatElement(0, count: offset - bin), at: 0)
            offset = bin
        } else if bin >= offset + counts.count {
            counts.append(contentsOf: repeatElement(0, count: bin - offset - counts.count + 1))
        }
        let i = bin - offset
        counts[i] = UInt32(max(0, Int(counts[i]) + weight))
        total = max(0, total + weight)
        if total == 0 {
            counts = []
            offset = 0
        }
    }

    /// The summary of these counts minus `excluded` (bins sorted ascending, each at most what the
    /// histogram holds), nil when nothing is left.
    func summary(excluding excluded: [(bin: UInt16, weight: Int)] = []) -> RobustSummary? {
        var pairs: [(bin: UInt16, weight: Int)] = []
        pairs.reserveCapacity(counts.count)
        var j = 0
        for (i, c) in counts.enumerated() {
            let bin = offset + i
            var w = Int(c)
            while j < excluded.count, Int(excluded[j].bin) < bin { j += 1 }
            while j < excluded.count, Int(excluded[j].bin) == bin {
                w -= excluded[j].weight
                j += 1
            }
            if w > 0 { pairs.append((UInt16(bin), w)) }
        }
        return RobustSummary(sortedBins: pairs)
    }
}
