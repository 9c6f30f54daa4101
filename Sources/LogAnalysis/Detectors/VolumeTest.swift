import Foundation

/// One line-rate test of `VolumeDetector`: the count of a recent window of closed buckets against the
/// counts of the earlier windows of the same length (the source's normal band).
struct VolumeTest {
    let seconds: TimeInterval
    let lines: Int
    /// Typical count per window (from the median log count of the baseline windows).
    let expected: Double
    /// The band's edges in lines per window: median ± `minEffect` robust standard deviations, widened
    /// to the baseline windows' `bandQuantile` quantiles.
    let bandLow: Double
    let bandHigh: Double
    let baselineWindows: Int
    /// Count ratio, ≥ 1 either way: (lines + 1) / (typical + 1) for a surge, its inverse for a drop.
    let ratio: Double
    /// Distance from the band's centre in robust standard deviations of log counts.
    let effect: Double
    /// Whether the count lies outside the band.
    let outside: Bool
    /// -log10 of the Chernoff bound on the Poisson tail beyond the band's edge: how surely the count is
    /// outside the band, not merely beyond the typical count (0 inside the band).
    let significance: Double
    let rising: Bool
    /// The same ratio, the same way, over the most recent third of the window (at least 3 buckets):
    /// the change is still going on (0 when it goes the other way).
    let tailRatio: Double
    /// Longest gap between lines in the window, in seconds, and the lines expected in it at the
    /// typical rate.
    let longestGap: TimeInterval
    let expectedInLongestGap: Double
    let start: Date
    let end: Date

    /// Nil when the baseline is too short.
    init?(stats: SourceStats, seconds: TimeInterval, config: AnalysisConfig) {
        let cfg = config.volume
        let ring = stats.traffic
        guard let newest = ring.newestIndex else { return nil }
        let n = config.buckets(covering: seconds)
        let logs = VolumeTest.baselineLogCounts(ring, buckets: n)
        guard logs.count >= max(2, cfg.baselineMinWindows),
              Double(logs.count * n) * ring.width >= cfg.baselineMinDuration
        else { return nil }
        let median = VolumeTest.median(logs)
        let sigma = max(0.1, 1.4826 * VolumeTest.median(logs.map { abs($0 - median) }))
        self.seconds = Double(n) * ring.width
        let window = ring.sum(from: 1, count: n).total
        lines = window.lines
        expected = Foundation.expm1(median)
        let sorted = logs.sorted()
        let q = min(1, max(0.5, cfg.bandQuantile))
        let low = min(median - cfg.minEffect * sigma, VolumeTest.quantile(sorted, 1 - q))
        let high = max(median + cfg.minEffect * sigma, VolumeTest.quantile(sorted, q))
        bandLow = max(0, Foundation.expm1(low))
        bandHigh = Foundation.expm1(high)
        baselineWindows = logs.count
        let observed = Foundation.log1p(Double(lines))
        rising = observed > median
        ratio = Foundation.exp(abs(observed - median))
        effect = abs(observed - median) / sigma
        outside = observed > high || observed < low
        let edge = max(rising ? bandHigh : bandLow, 0.5)
        significance = outside ? VolumeTest.poissonSignificance(Double(lines), mean: edge) : 0
        longestGap = window.maxGap
        expectedInLongestGap = window.maxGap * expected / self.seconds
        let tailBuckets = min(n, max(3, (n + 2) / 3))
        let tailLog = Foundation.log1p(Double(ring.sum(from: 1, count: tailBuckets).total.lines))
        let tailMedian = Foundation.log1p(expected * Double(tailBuckets) / Double(n))
        let tailDelta = rising ? tailLog - tailMedian : tailMedian - tailLog
        tailRatio = tailDelta > 0 ? Foundation.exp(tailDelta) : 0
        end = ring.startTime(ofIndex: newest)
        let back = VolumeTest.onset(ring, buckets: n, expected: expected / Double(n), observed: Double(lines) / Double(n))
        start = ring.startTime(ofIndex: newest - Int64(back))
    }

    /// log(1 + count) of each whole window of `n` buckets before the tested one, skipping windows
    /// with a bucket spent in an anomaly.
    static func baselineLogCounts(_ ring: BucketRing<TrafficBucket>, buckets n: Int) -> [Double] {
        var out: [Double] = []
        var from = 1 + n
        while from + n <= ring.count {
            let (total, used) = ring.sum(from: from, count: n) { !$0.anomalous }
            if used == n { out.append(Foundation.log1p(Double(total.lines))) }
            from += n
        }
        return out
    }

    /// The `q` quantile of ascending `sorted` (nearest rank, interpolated), 0 when empty.
    static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let position = q * Double(sorted.count - 1)
        let i = Int(position.rounded(.down))
        let j = min(sorted.count - 1, i + 1)
        return sorted[i] + (sorted[j] - sorted[i]) * (position - Double(i))
    }

    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let s = values.sorted()
        let mid = s.count / 2
        return s.count % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2
    }

    /// -log10 of the Chernoff bound exp(-(k ln(k/μ) - k + μ)) on P(X ≥ k) (k > μ) or P(X ≤ k) (k < μ)
    /// for X ~ Poisson(μ).
    static func poissonSignificance(_ k: Double, mean mu: Double) -> Double {
        let exponent = k > 0 ? k * Foundation.log(k / mu) - k + mu : mu
        return max(0, exponent) / Foundation.log(10.0)
    }

    /// How many buckets back the change began: the furthest of the last `n` closed buckets reached
    /// walking back over buckets nearer (geometrically) the new rate than the old one.
    static func onset(_ ring: BucketRing<TrafficBucket>, buckets n: Int, expected: Double, observed: Double) -> Int {
        let midpoint = (max(expected, 0.01) * max(observed, 0.01)).squareRoot()
        let up = observed > expected
        var onset = 1
        var misses = 0
        for back in 1...max(1, n) {
            guard let b = ring.bucket(back: back) else { break }
            if up ? Double(b.lines) >= midpoint : Double(b.lines) <= midpoint {
                onset = back
                misses = 0
            } else {
                misses += 1
                if misses >= 2 { break }
            }
        }
        return onset
    }

    func finding(source: String, kind: AnomalyKind) -> Finding {
        let perMinute = 60 / seconds
        let severity = Severity.grade(ratio, medium: 5, high: 10, critical: 50)
        let evidence = [
            "window": Format.duration(seconds),
            "lines": "\(lines)",
            "lines_per_min": Format.number(Double(lines) * perMinute),
            "baseline_lines_per_min": Format.number(expected * perMinute),
            "band_per_min": Format.number(bandLow * perMinute) + "–" + Format.number(bandHigh * perMinute),
            "baseline_windows": "\(baselineWindows)",
            "ratio": Format.number(ratio),
            "effect_sd": Format.number(effect),
            "significance": Format.number(significance),
        ]
        let verb = rising ? "rose" : "fell"
        let summary = "Line rate of \(source) \(verb) to \(Format.number(Double(lines) * perMinute)) per minute over"
            + " \(Format.duration(seconds)) (normal \(Format.number(bandLow * perMinute))–\(Format.number(bandHigh * perMinute)),"
            + " \(Format.number(ratio))× \(rising ? "above" : "below") typical)."
        return Finding(
            kind: kind, source: source, key: rising ? "surge" : "drop", start: start, time: end, score: ratio,
            severity: severity, evidence: evidence, summary: summary)
    }
}
