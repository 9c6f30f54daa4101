import Foundation

/// One series' shift found by `MetricShiftDetector`.
struct Shift {
    let series: MetricSeries
    let recent: RobustSummary
    let baseline: RobustSummary
    let ratio: Double
    let effect: Double
    let rising: Bool
    /// Length of the recent window tested, in seconds.
    let window: TimeInterval
    let start: Date
    let end: Date

    func isStronger(than other: Shift) -> Bool {
        effect != other.effect ? effect > other.effect : series.key < other.series.key
    }

    func finding(source: String, kind: AnomalyKind) -> Finding {
        let unit = series.unit == "s" || series.unit == "sec" || series.unit == "us" || series.unit == "ns" ? "ms" : series.unit
        let now = recent.typical
        let before = baseline.typical
        let severity = Severity.grade(ratio, medium: 3, high: 5, critical: 10)
        let evidence = [
            "series": series.name,
            "window": Format.duration(window),
            "typical": Format.number(now) + unit,
            "baseline_typical": Format.number(before) + unit,
            "ratio": Format.number(ratio),
            "effect_sd": Format.number(effect),
            "baseline_spread": "×" + Format.number(Foundation.exp(baseline.sigma)),
            "samples": "\(recent.count)",
            "baseline_samples": "\(baseline.count)",
        ]
        let verb = rising ? "rose" : "fell"
        let summary = "Median \(series.name) on \(source) \(verb) to \(Format.number(now))\(unit)"
            + " (baseline \(Format.number(before))\(unit), \(Format.number(ratio))×) over \(Format.duration(window))."
        return Finding(
            kind: kind, source: source, start: start, time: end, score: ratio, severity: severity,
            evidence: evidence, summary: summary, template: series.template, templateID: series.templateID)
    }
}
