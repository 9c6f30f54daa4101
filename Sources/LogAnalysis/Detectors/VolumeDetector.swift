import FaultMavenCore
import Foundation

/// `volume`: a source's line rate far outside its own normal band — a surge, or a drop while it still
/// logs. A source that stops is `silence`'s: a window holding a gap of `silence.minGap` or more in
/// which `silence.minExpectedLines` lines were expected is not a drop (nor is one whose latest bucket is empty).
///
/// For each configured window the detector compares the line count of the latest closed buckets with
/// the earlier whole windows of the same length in the history (outside anomalies): the band is their
/// median log count ± `minEffect` robust standard deviations, widened to their `bandQuantile`
/// quantiles, so a bursty source has a wide band and a steady one a narrow band. It fires when all hold: outside the band, at least `minRatio` times (or a
/// `minRatio`-th of) the typical count, and a Poisson tail beyond the band's edge below
/// 10^-`minSignificance`; and in
/// both cases the window's most recent third must still be beyond `clearRatio` (a source that came
/// back after a silence, or a surge that ended, is no longer anomalous). The band
/// is re-learnt from the last `history` of traffic, so slow drift such as a daily cycle moves it
/// along instead of firing. Keyed `surge` / `drop`; an open anomaly holds while some window stays
/// beyond `clearRatio` the same way.
public struct VolumeDetector: Detector {
    public let kind = AnomalyKind.volume

    public init() {}

    public func evaluate(_ stats: SourceStats, context: DetectorContext) -> [Finding] {
        let config = context.config
        let cfg = config.volume
        guard cfg.enabled else { return [] }
        let windows = cfg.windows.filter { $0 > 0 }.sorted()
        // Still logging: the latest closed bucket has lines (a source gone quiet is silence).
        let talking = (stats.traffic.bucket(back: 1)?.lines ?? 0) > 0
        var best: VolumeTest?
        for seconds in windows {
            guard let test = VolumeTest(stats: stats, seconds: seconds, config: config) else { continue }
            let quietGap = test.longestGap >= config.silence.minGap
                && test.expectedInLongestGap >= config.silence.minExpectedLines
            guard test.rising || (cfg.detectDrops && talking && !quietGap) else { continue }
            let isOpen = context.openKeys.contains(test.rising ? "surge" : "drop")
            let opens = test.outside && test.ratio >= cfg.minRatio && test.significance >= cfg.minSignificance
            let holds = isOpen && test.ratio >= cfg.clearRatio
            guard (opens || holds) && test.tailRatio >= cfg.clearRatio else { continue }
            if best == nil || test.significance > best!.significance { best = test }
        }
        guard let test = best else { return [] }
        return [test.finding(source: stats.source, kind: kind)]
    }
}
