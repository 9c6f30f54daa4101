import FaultMavenCore
import Foundation

/// Every tunable of the analysis, with documented defaults chosen by principle (statistical significance,
/// minimum evidence, minimum effect size) rather than fitted to one file.
public struct AnalysisConfig: Sendable, Hashable {
    /// Width of one time bucket in seconds. Default 10 s.
    public var bucketWidth: TimeInterval = 10
    /// How much per-source history is kept for baselines, in seconds. Default 3,600 s (one hour).
    public var history: TimeInterval = 3600
    /// Sources tracked at once; the least recently seen is evicted beyond this. Default 256.
    public var maxSources = 256
    /// Templates tracked per source; the least used is evicted beyond this. Default 200.
    public var maxTemplatesPerSource = 200
    /// Template ids remembered per source as "already seen" (outlives the template table). Default 4,096.
    public var maxKnownTemplatesPerSource = 4096
    /// Recent error messages kept per source for the snapshot. Default 10.
    public var recentErrorsPerSource = 10
    /// Longest message kept as a sample or recent error, in characters; longer ones are cut. Default 500.
    public var maxSampleLength = 500
    /// Example messages kept per anomaly. Default 5.
    public var maxSamples = 5
    /// Sample lines kept per incident (from its anomalies, in joining order). Default 10.
    public var maxIncidentSamples = 10
    /// Bytes of recent raw lines kept for evidence, all sources together (shared evenly among the
    /// tracked sources; each line costs its text, cut to `maxSampleLength`, plus 64). Default 1 MiB.
    public var recentEventBytes = 1_048_576
    /// Anomalies kept in memory; the oldest are evicted beyond this. Default `Limits.maxAnomalies`.
    public var maxAnomalies = Limits.maxAnomalies
    /// Incidents kept in memory; the oldest are evicted beyond this. Default `Limits.maxAnomalies`.
    public var maxIncidents = Limits.maxAnomalies
    /// An open anomaly whose condition has not held for this long is closed. Default 60 s.
    public var closeAfter: TimeInterval = 60
    /// The same condition holding again within this time after its anomaly closed reopens that anomaly
    /// instead of firing a new one (cool-down). Default 300 s.
    public var reopenWithin: TimeInterval = 300
    /// Anomalies starting within this time of an incident's end join that incident. Default 300 s.
    public var incidentGap: TimeInterval = 300

    /// Settings of the `error_rate` detector.
    public var errorRate = ErrorRate()
    /// Settings of the `new_pattern` detector.
    public var newPattern = NewPattern()
    /// Settings of the `silence` detector.
    public var silence = Silence()
    /// Settings of the `metric_shift` detector.
    public var metricShift = MetricShift()
    /// Settings of the `volume` detector.
    public var volume = Volume()

    /// The defaults.
    public init() {}

    /// Number of buckets of history (at least 2).
    public var historyBuckets: Int {
        guard bucketWidth > 0, history.isFinite else { return 2 }
        return max(2, Int((history / bucketWidth).rounded(.up)))
    }

    /// Number of whole buckets covering `seconds` (at least 1).
    public func buckets(covering seconds: TimeInterval) -> Int {
        guard bucketWidth > 0, seconds.isFinite, seconds > 0 else { return 1 }
        return max(1, Int((seconds / bucketWidth).rounded(.up)))
    }
}
