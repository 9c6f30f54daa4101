import FaultMavenCore
import FluentConfig
import Foundation
import LogAnalysis

/// The `<faultmaven><anomaly>` directive: engine-wide settings as parameters, each detector's settings
/// in a nested section named after its kind.
///
///     <anomaly>
///       bucket 10s
///       history 1h
///       <error_rate>
///         windows 1m,5m,15m
///         min_significance 4
///       </error_rate>
///       <silence>
///         enabled false
///       </silence>
///     </anomaly>
///
/// Defaults live in `LogAnalysis.AnalysisConfig`; a parameter left out keeps its default.
public enum AnomalyOptions {
    // MARK: Engine-wide parameters

    static let bucket = ParamSpec("bucket", .duration, doc: "Width of one statistics bucket (at least 1s).")
    static let history = ParamSpec("history", .duration, doc: "Per-source history kept for baselines (at least 2 buckets).")
    static let warmup = ParamSpec("warmup", .duration, doc: "How long a source is observed before new patterns count as anomalies.")
    static let incidentGap = ParamSpec("incident_gap", .duration, doc: "Anomalies closer than this join one incident.")
    static let closeAfter = ParamSpec("close_after", .duration, doc: "An anomaly whose condition has not held for this long closes.")
    static let reopenWithin = ParamSpec("reopen_within", .duration, doc: "The same condition again within this time reopens the closed anomaly (cool-down).")
    static let maxSources = ParamSpec("max_sources", .integer, doc: "Sources tracked at once; the least recently seen is evicted beyond it.")
    static let maxTemplatesPerSource = ParamSpec("max_templates_per_source", .integer, doc: "Templates tracked per source; the least used is evicted beyond it.")
    static let maxAnomalies = ParamSpec("max_anomalies", .integer, doc: "Anomalies kept in memory; the oldest closed ones are evicted beyond it.")
    static let recentEventBytes = ParamSpec(
        "recent_event_bytes", .size, doc: "Bytes of recent raw lines kept as evidence, all sources together (shared evenly).")
    static let maxIncidentSamples = ParamSpec("max_incident_samples", .integer, doc: "Sample lines kept per incident.")

    /// The parameters of `<anomaly>` itself.
    public static let all: [ParamSpec] = [
        bucket, history, warmup, incidentGap, closeAfter, reopenWithin, maxSources, maxTemplatesPerSource, maxAnomalies,
        recentEventBytes, maxIncidentSamples,
    ]

    // MARK: Detector sections

    static let enabled = ParamSpec("enabled", .bool, doc: "Whether the detector runs.")

    enum ErrorRate {
        static let windows = ParamSpec("windows", .array, doc: "Recent windows tested, as durations (`1m,5m,15m`).")
        static let minErrors = ParamSpec("min_errors", .integer, doc: "Fewest ERROR/FATAL lines in a window that can fire.")
        static let minRatio = ParamSpec("min_ratio", .float, doc: "Smallest ratio of window error share to baseline share (> 1).")
        static let clearRatio = ParamSpec("clear_ratio", .float, doc: "Ratio below which an open anomaly clears (≥ 1, ≤ min_ratio).")
        static let minSignificance = ParamSpec("min_significance", .float, doc: "Significance needed, as -log10 of the p-value (> 0).")
        static let baselineFloor = ParamSpec("baseline_floor", .float, doc: "Lowest baseline error share assumed (0 < x < 1).")
        static let baselineMinLines = ParamSpec("baseline_min_lines", .integer, doc: "Baseline lines needed before the detector runs.")
        static let baselineMinDuration = ParamSpec("baseline_min_duration", .duration, doc: "Baseline length needed before the detector runs.")
        static let params = [enabled, windows, minErrors, minRatio, clearRatio, minSignificance, baselineFloor, baselineMinLines, baselineMinDuration]
    }

    enum NewPattern {
        static let minLevel = ParamSpec("min_level", .enumeration(["warn", "error", "fatal"]), doc: "Lowest level of templates that can be new.")
        static let warmupLines = ParamSpec("warmup_lines", .integer, doc: "Lines a source must have logged before templates can be new.")
        static let minCount = ParamSpec("min_count", .integer, doc: "Fewest occurrences within `window` that can fire (≥ 2).")
        static let window = ParamSpec("window", .duration, doc: "Window over which occurrences of a new template are counted.")
        static let recurrenceSignificance = ParamSpec(
            "recurrence_significance", .float, doc: "Chance a background template recurs that fast, at most (0 disables firing, < 1).")
        static let novelty = ParamSpec("novelty", .duration, doc: "How long after its first sighting a template still counts as new.")
        static let variantSimilarity = ParamSpec(
            "variant_similarity", .float, doc: "Share of tokens matching a known template that makes a variant, not a new one (0–1].")
        static let params = [enabled, minLevel, warmupLines, minCount, window, recurrenceSignificance, novelty, variantSimilarity]
    }

    enum Silence {
        static let minGap = ParamSpec("min_gap", .duration, doc: "Shortest silence ever reported.")
        static let gapFactor = ParamSpec("gap_factor", .float, doc: "The silence must exceed this multiple of the longest normal gap (≥ 1).")
        static let minExpectedLines = ParamSpec("min_expected_lines", .float, doc: "Lines expected at the baseline rate during the silence, at least (> 0).")
        static let maxDuration = ParamSpec("max_duration", .duration, doc: "A source silent longer than this is taken as gone.")
        static let params = [enabled, minGap, gapFactor, minExpectedLines, maxDuration]
    }

    enum MetricShift {
        static let windows = ParamSpec("windows", .array, doc: "Recent windows tested, shortest first, as durations (`1m,5m`).")
        static let minSamples = ParamSpec("min_samples", .integer, doc: "Values needed in a recent window.")
        static let baselineMinSamples = ParamSpec("baseline_min_samples", .integer, doc: "Values needed in the baseline.")
        static let minRatio = ParamSpec("min_ratio", .float, doc: "Smallest ratio of the recent median to the baseline median (> 1).")
        static let clearRatio = ParamSpec("clear_ratio", .float, doc: "Ratio below which an open anomaly clears (≥ 1, ≤ min_ratio).")
        static let minEffect = ParamSpec("min_effect", .float, doc: "Smallest shift in robust baseline standard deviations (1.4826 × MAD, > 0).")
        static let detectDecrease = ParamSpec("detect_decrease", .bool, doc: "Also report drops, not only rises.")
        static let maxSeries = ParamSpec("max_series_per_source", .integer, doc: "Numeric series tracked per source.")
        static let params = [enabled, windows, minSamples, baselineMinSamples, minRatio, clearRatio, minEffect, detectDecrease, maxSeries]
    }

    enum Volume {
        static let windows = ParamSpec("windows", .array, doc: "Recent windows tested, as durations (`1m,5m`).")
        static let minRatio = ParamSpec("min_ratio", .float, doc: "Smallest surge or drop factor against the typical count (> 1).")
        static let clearRatio = ParamSpec("clear_ratio", .float, doc: "Factor below which an open anomaly clears (≥ 1, ≤ min_ratio).")
        static let minEffect = ParamSpec("min_effect", .float, doc: "Band half-width, in robust standard deviations of the baseline windows' log counts (> 0).")
        static let bandQuantile = ParamSpec("band_quantile", .float, doc: "The band also spans the baseline windows between this quantile and 1 − q (0.5–1).")
        static let minSignificance = ParamSpec("min_significance", .float, doc: "Significance beyond the band's edge, as -log10 of the Poisson tail (> 0).")
        static let detectDrops = ParamSpec("detect_drops", .bool, doc: "Also report drops, not only surges.")
        static let baselineMinWindows = ParamSpec("baseline_min_windows", .integer, doc: "Whole baseline windows needed before the detector runs.")
        static let baselineMinDuration = ParamSpec("baseline_min_duration", .duration, doc: "Baseline length needed before the detector runs.")
        static let params = [
            enabled, windows, minRatio, clearRatio, minEffect, bandQuantile, minSignificance, detectDrops, baselineMinWindows,
            baselineMinDuration,
        ]
    }

    /// The nested detector sections of `<anomaly>`, one per detector (at most once each).
    public static let sections: [SectionSpec] = [
        SectionSpec("error_rate", params: ErrorRate.params, doc: "Error share against the source's own baseline."),
        SectionSpec("new_pattern", params: NewPattern.params, doc: "Error templates never seen before on a source."),
        SectionSpec("silence", params: Silence.params, doc: "A source that logged steadily goes quiet."),
        SectionSpec("metric_shift", params: MetricShift.params, doc: "A numeric value's median moves far from its baseline."),
        SectionSpec("volume", params: Volume.params, doc: "A source's line rate far outside its own normal band (off by default)."),
    ]

    /// Reads `section` (an `<anomaly>` directive) into `config`. Parameters left out keep their values.
    ///
    /// - Throws: `FluentConfigError` at the offending line for a value of the wrong type or out of range
    ///   (a zero bucket, a ratio below 1, a probability outside 0–1, ...), or a detector section given twice.
    public static func apply(_ section: ConfigSection, to config: inout AnalysisConfig) throws {
        let r = OptionReader(section: section)
        try r.duration(bucket, min: 1) { config.bucketWidth = $0 }
        try r.duration(history, min: 2 * config.bucketWidth, what: "two buckets") { config.history = $0 }
        try r.duration(warmup, min: 0) { config.newPattern.warmupDuration = $0 }
        try r.duration(incidentGap, min: 0) { config.incidentGap = $0 }
        try r.duration(closeAfter, min: config.bucketWidth, what: "one bucket") { config.closeAfter = $0 }
        try r.duration(reopenWithin, min: 0) { config.reopenWithin = $0 }
        try r.integer(maxSources, min: 1) { config.maxSources = $0 }
        try r.integer(maxTemplatesPerSource, min: 1) { config.maxTemplatesPerSource = $0 }
        try r.integer(maxAnomalies, min: 1) { config.maxAnomalies = $0 }
        try r.integer(maxIncidentSamples, min: 0) { config.maxIncidentSamples = $0 }
        try r.integer(recentEventBytes, min: 0) { config.recentEventBytes = $0 }

        if let s = try single("error_rate", in: section) { try applyErrorRate(OptionReader(section: s), to: &config.errorRate) }
        if let s = try single("new_pattern", in: section) { try applyNewPattern(OptionReader(section: s), to: &config.newPattern) }
        if let s = try single("silence", in: section) { try applySilence(OptionReader(section: s), to: &config.silence) }
        if let s = try single("metric_shift", in: section) { try applyMetricShift(OptionReader(section: s), to: &config.metricShift) }
        if let s = try single("volume", in: section) { try applyVolume(OptionReader(section: s), to: &config.volume) }
    }

    private static func single(_ name: String, in section: ConfigSection) throws -> ConfigSection? {
        let found = section.sections(named: name)
        if found.count > 1 {
            throw FluentConfigError("<\(name)> is given \(found.count) times in <anomaly>; give it once", at: found[1].location)
        }
        return found.first
    }

    private static func applyErrorRate(_ r: OptionReader, to c: inout AnalysisConfig.ErrorRate) throws {
        typealias P = ErrorRate
        try r.bool(enabled) { c.enabled = $0 }
        try r.durations(P.windows) { c.windows = $0 }
        try r.integer(P.minErrors, min: 1) { c.minErrors = $0 }
        try r.float(P.minRatio, above: 1) { c.minRatio = $0 }
        try r.float(P.clearRatio, atLeast: 1) { c.clearRatio = $0 }
        try r.float(P.minSignificance, above: 0) { c.minSignificance = $0 }
        try r.float(P.baselineFloor, above: 0, below: 1) { c.baselineFloor = $0 }
        try r.integer(P.baselineMinLines, min: 1) { c.baselineMinLines = $0 }
        try r.duration(P.baselineMinDuration, min: 0) { c.baselineMinDuration = $0 }
        try r.hysteresis(clear: c.clearRatio, min: c.minRatio, at: P.clearRatio)
    }

    private static func applyNewPattern(_ r: OptionReader, to c: inout AnalysisConfig.NewPattern) throws {
        typealias P = NewPattern
        try r.bool(enabled) { c.enabled = $0 }
        if let word = try r.section.value(for: P.minLevel)?.stringValue, let level = Level(word: word) { c.minLevel = level }
        try r.integer(P.warmupLines, min: 0) { c.warmupLines = $0 }
        try r.integer(P.minCount, min: 2) { c.minCount = $0 }
        try r.duration(P.window, min: 1) { c.window = $0 }
        try r.float(P.recurrenceSignificance, atLeast: 0, below: 1) { c.recurrenceSignificance = $0 }
        try r.duration(P.novelty, min: 0) { c.novelty = $0 }
        try r.float(P.variantSimilarity, above: 0, atMost: 1) { c.variantSimilarity = $0 }
    }

    private static func applySilence(_ r: OptionReader, to c: inout AnalysisConfig.Silence) throws {
        typealias P = Silence
        try r.bool(enabled) { c.enabled = $0 }
        try r.duration(P.minGap, min: 1) { c.minGap = $0 }
        try r.float(P.gapFactor, atLeast: 1) { c.gapFactor = $0 }
        try r.float(P.minExpectedLines, above: 0) { c.minExpectedLines = $0 }
        try r.duration(P.maxDuration, min: c.minGap, what: "min_gap") { c.maxDuration = $0 }
    }

    private static func applyMetricShift(_ r: OptionReader, to c: inout AnalysisConfig.MetricShift) throws {
        typealias P = MetricShift
        try r.bool(enabled) { c.enabled = $0 }
        try r.durations(P.windows) { c.windows = $0 }
        try r.integer(P.minSamples, min: 2) { c.minSamples = $0 }
        try r.integer(P.baselineMinSamples, min: 2) { c.baselineMinSamples = $0 }
        try r.float(P.minRatio, above: 1) { c.minRatio = $0 }
        try r.float(P.clearRatio, atLeast: 1) { c.clearRatio = $0 }
        try r.float(P.minEffect, above: 0) { c.minEffect = $0 }
        try r.bool(P.detectDecrease) { c.detectDecrease = $0 }
        try r.integer(P.maxSeries, min: 1) { c.maxSeriesPerSource = $0 }
        try r.hysteresis(clear: c.clearRatio, min: c.minRatio, at: P.clearRatio)
    }
}

extension AnomalyOptions {
    fileprivate static func applyVolume(_ r: OptionReader, to c: inout AnalysisConfig.Volume) throws {
        typealias P = Volume
        try r.bool(enabled) { c.enabled = $0 }
        try r.durations(P.windows) { c.windows = $0 }
        try r.float(P.minRatio, above: 1) { c.minRatio = $0 }
        try r.float(P.clearRatio, atLeast: 1) { c.clearRatio = $0 }
        try r.float(P.minEffect, above: 0) { c.minEffect = $0 }
        try r.float(P.bandQuantile, atLeast: 0.5, atMost: 1) { c.bandQuantile = $0 }
        try r.float(P.minSignificance, above: 0) { c.minSignificance = $0 }
        try r.bool(P.detectDrops) { c.detectDrops = $0 }
        try r.integer(P.baselineMinWindows, min: 1) { c.baselineMinWindows = $0 }
        try r.duration(P.baselineMinDuration, min: 0) { c.baselineMinDuration = $0 }
        try r.hysteresis(clear: c.clearRatio, min: c.minRatio, at: P.clearRatio)
    }
}
