import FaultMavenCore
import Foundation

/// `metric_shift`: the typical magnitude of a numeric series (a numeric field such as `latency_ms`, or a
/// numeric parameter of a frequent template such as the `53ms` in "GET /x 200 in 53ms") moved far from
/// its baseline and stayed there.
///
/// Robust statistics on log values (see `MetricSeries`): the median of a recent window must differ from
/// the baseline median by at least `minRatio`, and by at least `minEffect` robust standard deviations
/// (1.4826 × MAD) of the baseline's single values — the recent typical value lies outside the bulk of
/// the baseline, so widely spread numbers (ids, counters) never fire while a tight latency distribution
/// that doubles does. A median moves only when most values of the window moved: single outliers,
/// however large, do not. One anomaly per source, reporting the strongest series; it holds while some
/// series' median stays beyond `clearRatio`.
public struct MetricShiftDetector: Detector {
    public let kind = AnomalyKind.metricShift

    public init() {}

    public func evaluate(_ stats: SourceStats, context: DetectorContext) -> [Finding] {
        let config = context.config
        let cfg = config.metricShift
        guard cfg.enabled else { return [] }
        let isOpen = context.openKeys.contains("")
        let windows = Set(cfg.windows.filter { $0 > 0 }.map { config.buckets(covering: $0) }).sorted()
        let needed = isOpen ? max(1, cfg.minSamples / 2) : cfg.minSamples
        var best: Shift?
        for series in stats.metrics.all {
            // The shortest window holding enough values decides: it reacts fastest and, once the values
            // are back to normal, lets the anomaly clear without waiting for a long window to drain.
            guard let n = windows.first(where: { series.recentCount(buckets: $0) >= needed }),
                  let shift = test(series, buckets: n, isOpen: isOpen, config: cfg)
            else { continue }
            if best == nil || shift.isStronger(than: best!) { best = shift }
        }
        guard let shift = best else { return [] }
        return [shift.finding(source: stats.source, kind: kind)]
    }

    /// The shift of `series` over its last `n` closed buckets against the rest of its history, nil when
    /// there is too little data or the shift neither opens nor (while open) holds the anomaly.
    private func test(_ series: MetricSeries, buckets n: Int, isOpen: Bool, config cfg: AnalysisConfig.MetricShift) -> Shift? {
        let ring = series.buckets
        guard let newest = ring.newestIndex, series.baseline.total >= cfg.baselineMinSamples,
              let (recent, base) = series.window(buckets: n),
              recent.count >= (isOpen ? max(1, cfg.minSamples / 2) : cfg.minSamples),
              base.count >= cfg.baselineMinSamples
        else { return nil }
        let delta = recent.median - base.median
        let rising = delta > 0
        guard rising || cfg.detectDecrease else { return nil }
        let ratio = Foundation.exp(abs(delta))
        guard ratio >= min(cfg.minRatio, cfg.clearRatio) else { return nil }
        let spread = max(base.sigma, 0.05)
        let effect = abs(delta) / spread
        let opens = ratio >= cfg.minRatio && effect >= cfg.minEffect
        let holds = isOpen && ratio >= cfg.clearRatio
        guard opens || holds else { return nil }
        let back = onset(ring, buckets: n, baseline: base.median, shifted: recent.median)
        return Shift(
            series: series, recent: recent, baseline: base, ratio: ratio, effect: effect, rising: rising,
            window: Double(n) * ring.width, start: ring.startTime(ofIndex: newest - Int64(back)),
            end: ring.startTime(ofIndex: newest))
    }

    /// How many buckets back the shift began: the furthest of the last `n` closed buckets reached while
    /// walking back over buckets whose mean is nearer the shifted level than the baseline (empty ones
    /// skipped; two non-empty buckets on the baseline side in a row end the walk).
    private func onset(_ ring: BucketRing<MetricBucket>, buckets n: Int, baseline: Double, shifted: Double) -> Int {
        let midpoint = (baseline + shifted) / 2
        let up = shifted > baseline
        var onset = 1
        var misses = 0
        for back in 1...max(1, n) {
            guard let b = ring.bucket(back: back) else { break }
            guard let median = b.median else { continue }
            if up ? median >= midpoint : median <= midpoint {
                onset = back
                misses = 0
            } else {
                misses += 1
                if misses >= 2 { break }
            }
        }
        return onset
    }
}
