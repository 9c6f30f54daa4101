import FaultMavenCore
import Foundation

/// `error_rate`: the ERROR/FATAL share of a recent window is far above the source's own baseline.
///
/// For each configured window the detector compares the window's errors with the baseline share
/// (the rest of the history, minus buckets spent in an anomaly). It fires when all hold: at least
/// `minErrors` errors, a share at least `minRatio` times the baseline (floored at `baselineFloor`), and a
/// binomial tail bound below 10^-`minSignificance`. A traffic surge that keeps the share raises counts,
/// not the share, so it fails the ratio test however significant. An open anomaly holds while the share
/// in the most recent part of some window stays above `clearRatio` times the baseline, so it closes soon
/// after the burst ends even though long windows still contain it.
public struct ErrorRateDetector: Detector {
    public let kind = AnomalyKind.errorRate

    public init() {}

    public func evaluate(_ stats: SourceStats, context: DetectorContext) -> [Finding] {
        let config = context.config
        let cfg = config.errorRate
        guard cfg.enabled else { return [] }
        let windows = cfg.windows.filter { $0 > 0 }.sorted()
        guard !windows.isEmpty else { return [] }
        let isOpen = context.openKeys.contains("")
        var best: WindowTest?
        for seconds in windows {
            guard let test = WindowTest(stats: stats, seconds: seconds, config: config) else { continue }
            // Only an ongoing rise counts: the window's most recent part must still be elevated.
            let ongoing = test.recentErrors > 0 && test.recentRatio >= cfg.clearRatio
            let passes = ongoing && (isOpen
                || (test.errors >= cfg.minErrors && test.ratio >= cfg.minRatio && test.significance >= cfg.minSignificance))
            guard passes else { continue }
            if best == nil || test.significance > best!.significance { best = test }
        }
        guard let test = best else { return [] }
        return [test.finding(source: stats.source, kind: kind)]
    }
}
