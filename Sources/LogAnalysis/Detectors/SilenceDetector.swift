import FaultMavenCore
import Foundation

/// `silence`: a source that logged steadily has been quiet for far longer than its normal gaps.
///
/// The gap (caller clock since the last line arrived) must exceed all of: `minGap`, `gapFactor` times
/// the longest gap seen in the baseline, and the time in which `minExpectedLines` lines were expected at
/// the baseline rate. "Steadily" means enough baseline lines and time, with at least `minActiveFraction`
/// of baseline buckets non-empty. Runs from `evaluate` (time-driven); the next line closes it, and so
/// does a silence longer than `maxDuration` (the source is gone).
/// At the end of a replay, pass the last event time to `advance(to:)`: files ending together never
/// look silent.
public struct SilenceDetector: Detector {
    public let kind = AnomalyKind.silence

    public init() {}

    public func observe(_ record: LogRecord, time: Date, stats: SourceStats, context: DetectorContext) -> [Finding] {
        guard context.openKeys.contains("") else { return [] }
        return [.cleared(kind, source: record.source, at: stats.lastArrival ?? context.now)]
    }

    public func evaluate(_ stats: SourceStats, context: DetectorContext) -> [Finding] {
        let cfg = context.config.silence
        guard cfg.enabled, let last = stats.lastArrival, let newest = stats.traffic.newestIndex else { return [] }
        let gap = context.now.timeIntervalSince(last)
        guard gap >= cfg.minGap, gap <= cfg.maxDuration else { return [] }
        let ring = stats.traffic
        // Baseline: the buckets up to the one holding the last line (the empty ones since are the silence).
        let silentBuckets = Int(max(0, min(Int64(ring.capacity), newest - ring.index(of: last))))
        let base = ring.sum(from: silentBuckets, count: ring.capacity) { !$0.anomalous }
        let duration = Double(base.buckets) * ring.width
        guard base.total.lines >= cfg.baselineMinLines, duration >= cfg.baselineMinDuration else { return [] }
        let active = ring.countBuckets(from: silentBuckets, count: ring.capacity) { !$0.anomalous && $0.lines > 0 }
        guard Double(active) >= cfg.minActiveFraction * Double(base.buckets) else { return [] }
        let rate = Double(base.total.lines) / duration
        let threshold = max(cfg.minGap, cfg.gapFactor * base.total.maxGap, cfg.minExpectedLines / rate)
        guard gap >= threshold else { return [] }
        let expected = rate * gap
        let severity = Severity.grade(gap, medium: 300, high: 900, critical: 3600)
        let evidence = [
            "silent_for": Format.duration(gap),
            "last_line": Format.time(last),
            "baseline_rate_per_min": Format.number(rate * 60),
            "longest_normal_gap": Format.duration(base.total.maxGap),
            "threshold": Format.duration(threshold),
            "expected_lines": Format.number(expected),
        ]
        let summary = "\(stats.source) has logged nothing for \(Format.duration(gap)) (normally"
            + " \(Format.number(rate * 60)) lines per minute, longest normal gap \(Format.duration(base.total.maxGap)))."
        return [Finding(
            kind: kind, source: stats.source, start: last, time: context.now, score: expected,
            severity: severity, evidence: evidence, summary: summary)]
    }
}
