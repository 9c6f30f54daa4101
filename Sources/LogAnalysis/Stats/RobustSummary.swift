import Foundation

/// Median and median absolute deviation of binned values (on the `LogScale`), with their count.
///
/// Within a bin, values are taken as spread evenly (the median interpolates); deviations are measured
/// from bin centres.
public struct RobustSummary: Sendable, Hashable {
    /// Values summarized.
    public var count: Int
    /// Median of log(1 + v).
    public var median: Double
    /// Median absolute deviation of log(1 + v) from `median`.
    public var mad: Double

    /// Robust standard deviation (1.4826 × MAD: the standard deviation for normal data).
    public var sigma: Double { 1.4826 * mad }

    /// Typical value back on the value scale.
    public var typical: Double { Foundation.expm1(median) }

    /// Summary of bins sorted ascending (duplicates allowed), nil when the weights sum to 0.
    init?(sortedBins pairs: [(bin: UInt16, weight: Int)]) {
        let total = pairs.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return nil }
        let half = Double(total) / 2
        var cumulative = 0.0
        var position = Double(pairs[pairs.count - 1].bin) + 1
        var split = pairs.count - 1
        for (i, p) in pairs.enumerated() where p.weight > 0 {
            let w = Double(p.weight)
            if cumulative + w >= half {
                position = Double(p.bin) + (half - cumulative) / w
                split = i
                break
            }
            cumulative += w
        }
        count = total
        median = LogScale.logValue(position)
        mad = LogScale.logValue(Self.medianDistance(pairs, from: position, split: split, half: half))
    }

    /// Weighted median of |bin centre − position|: walks outwards from `split` on both sides,
    /// nearest first.
    private static func medianDistance(
        _ pairs: [(bin: UInt16, weight: Int)], from position: Double, split: Int, half: Double
    ) -> Double {
        var left = split - 1
        var right = split
        var cumulative = 0.0
        while left >= 0 || right < pairs.count {
            let dl = left >= 0 ? abs(Double(pairs[left].bin) + 0.5 - position) : .infinity
            let dr = right < pairs.count ? abs(Double(pairs[right].bin) + 0.5 - position) : .infinity
            let (d, w): (Double, Int)
            if dl <= dr {
                (d, w) = (dl, pairs[left].weight)
                left -= 1
            } else {
                (d, w) = (dr, pairs[right].weight)
                right += 1
            }
            cumulative += Double(w)
            if cumulative >= half { return d }
        }
        return 0
    }
}
