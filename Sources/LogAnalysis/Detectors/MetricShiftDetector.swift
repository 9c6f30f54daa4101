import FaultMavenCore
import Foundation

/// `metric_shift`: the typical magnitude of a numeric series (a numeric field such as `latency_ms`, or a
/// numeric parameter of a frequent template such as the `53ms` in "GET /x 200 in 53ms") moved far from
/// its baseline.
///
/// Works on log values: the recent window's geometric mean must differ from the baseline's by at least
/// `minRatio`, and by at least `minEffect` baseline standard deviations of single values — the recent
/// typical value lies outside the bulk of the baseline, so widely spread numbers (ids, counters) never
/// fire while a tight latency distribution that doubles does. One anomaly per source, reporting the
/// strongest series; it holds while some series stays beyond `clearRatio`.
public struct MetricShiftDetector: Detector {
    public let kind = AnomalyKind.metricShift

    public init() {}

    public func evaluate(_ stats: SourceStats, context: DetectorContext) -> [Finding] {
        let config = context.config
        let cfg = config.metricShift
        guard cfg.enabled else { return [] }
        let isOpen = context.openKeys.contains("")
        let n = config.buckets(covering: cfg.window)
        var best: Shift?
        for series in stats.metrics.all {
            let ring = series.buckets
            guard let newest = ring.newestIndex else { continue }
            let recent = ring.sum(from: 1, count: n).total
            let base = ring.sum(from: 1 + n, count: ring.capacity) { !$0.anomalous }.total
            guard recent.count >= (isOpen ? max(1, cfg.minSamples / 2) : cfg.minSamples),
                  base.count >= cfg.baselineMinSamples
            else { continue }
            let delta = recent.mean - base.mean
            let rising = delta > 0
            guard rising || cfg.detectDecrease else { continue }
            let ratio = Foundation.exp(abs(delta))
            let spread = max(base.standardDeviation, 0.05)
            let effect = abs(delta) / spread
            let opens = ratio >= cfg.minRatio && effect >= cfg.minEffect
            let holds = isOpen && ratio >= cfg.clearRatio
            guard opens || holds else { continue }
            let shift = Shift(
                series: series, recent: recent, baseline: base, ratio: ratio, effect: effect, rising: rising,
                start: ring.startTime(ofIndex: newest - Int64(n)), end: ring.startTime(ofIndex: newest))
            if best == nil || shift.isStronger(than: best!) { best = shift }
        }
        guard let shift = best else { return [] }
        return [shift.finding(source: stats.source, kind: kind, window: Double(n) * config.bucketWidth)]
    }
}
