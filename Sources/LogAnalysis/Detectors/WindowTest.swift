import Foundation

/// One error-share test of `ErrorRateDetector`: a recent window of closed buckets against the baseline.
struct WindowTest {
    let seconds: TimeInterval
    let errors: Int
    let lines: Int
    let baselineErrors: Int
    let baselineLines: Int
    /// Baseline share after smoothing and flooring.
    let baselineShare: Double
    let share: Double
    let ratio: Double
    let significance: Double
    /// Errors and ratio over the most recent third of the window, at least 3 buckets ("still ongoing").
    let recentErrors: Int
    let recentRatio: Double
    /// First error of the most anomalous suffix of the window: where the burst began.
    let start: Date
    /// End of the window (start of the current bucket).
    let end: Date
    let samples: [String]

    /// Nil when the baseline is too short or the window holds no lines.
    init?(stats: SourceStats, seconds: TimeInterval, config: AnalysisConfig) {
        let cfg = config.errorRate
        let ring = stats.traffic
        guard let newest = ring.newestIndex else { return nil }
        let n = config.buckets(covering: seconds)
        let recent = ring.sum(from: 1, count: n).total.unexplained
        let base = ring.sum(from: 1 + n, count: ring.capacity) { !$0.anomalous }
        guard recent.lines > 0, base.total.lines >= cfg.baselineMinLines,
              Double(base.buckets) * ring.width >= cfg.baselineMinDuration
        else { return nil }
        self.seconds = Double(n) * ring.width
        errors = recent.errors
        lines = recent.lines
        baselineErrors = base.total.errors
        baselineLines = base.total.lines
        let smoothed = (Double(base.total.errors) + 0.5) / (Double(base.total.lines) + 1)
        baselineShare = min(0.999, max(cfg.baselineFloor, smoothed))
        share = Double(errors) / Double(lines)
        ratio = share / baselineShare
        // Two tests, the weaker counts: against the (floored) baseline share taken as known, and the
        // conditional test of two Poisson rates (given all errors of window and baseline, how many fell
        // in the window by its share of lines), which accounts for a short, uncertain baseline.
        let known = BinomialTail.significance(successes: errors, trials: lines, probability: baselineShare)
        let conditional = BinomialTail.exactSignificance(
            successes: errors, trials: errors + base.total.errors,
            probability: Double(lines) / Double(lines + base.total.lines))
        significance = min(known, conditional)
        let tail = ring.sum(from: 1, count: min(n, max(3, (n + 2) / 3))).total.unexplained
        recentErrors = tail.errors
        recentRatio = tail.lines > 0 ? tail.errorRatio / baselineShare : 0
        end = ring.startTime(ofIndex: newest)
        // The burst starts with its first error, not at the start of the bucket holding it.
        let back = WindowTest.mostAnomalousSuffix(ring, buckets: n, share: baselineShare)
        start = ring.bucket(back: back)?.firstError ?? ring.startTime(ofIndex: newest - Int64(back))
        samples = Array(stats.recentErrors.suffix(3))
    }

    /// How many closed buckets back the suffix of the window with the highest significance starts
    /// (a scan statistic: the burst's start, not the window's).
    static func mostAnomalousSuffix(_ ring: BucketRing<TrafficBucket>, buckets n: Int, share: Double) -> Int {
        var errors = 0
        var lines = 0
        var best = (back: n, significance: -1.0)
        for back in 1...max(1, n) {
            guard let b = ring.bucket(back: back)?.unexplained else { break }
            errors += b.errors
            lines += b.lines
            guard b.errors > 0 else { continue }
            let sig = BinomialTail.significance(successes: errors, trials: lines, probability: share)
            if sig > best.significance { best = (back, sig) }
        }
        return best.back
    }

    func finding(source: String, kind: AnomalyKind) -> Finding {
        let severity = max(
            Severity.grade(ratio, medium: 5, high: 10, critical: 30),
            Severity.grade(share, medium: 0.1, high: 0.25, critical: 0.5))
        let evidence = [
            "window": Format.duration(seconds),
            "errors": "\(errors)",
            "lines": "\(lines)",
            "error_share": Format.percent(share),
            "baseline_share": Format.percent(baselineShare),
            "baseline_errors": "\(baselineErrors)",
            "baseline_lines": "\(baselineLines)",
            "ratio": Format.number(ratio),
            "significance": Format.number(significance),
        ]
        let summary = "Error rate of \(source) rose to \(Format.percent(share)) (baseline \(Format.percent(baselineShare)))"
            + " over \(Format.duration(seconds)): \(errors) errors in \(lines) lines, \(Format.number(ratio))× normal."
        return Finding(
            kind: kind, source: source, start: start, time: end, score: ratio, severity: severity,
            evidence: evidence, summary: summary, samples: samples)
    }
}
