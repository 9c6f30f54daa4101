import Foundation

extension AnalysisConfig {
    /// The `metric_shift` detector: numeric values (a template's numeric parameters, numeric fields)
    /// whose median in a recent window moved far from the baseline median. Works on log values, so
    /// the test is about ratios ("latency 4× higher"), with medians and MADs, so single outliers and
    /// heavy tails do not move it.
    public struct MetricShift: Sendable, Hashable {
        /// Whether the detector runs. Default true.
        public var enabled = true
        /// Recent windows tested, in seconds, shortest first: the short one reacts fast on busy series,
        /// the long one gathers `minSamples` values on quiet ones. Default [60, 300].
        public var windows: [TimeInterval] = [60, 300]
        /// Values needed in a recent window. Default 20.
        public var minSamples = 20
        /// Values needed in the baseline. Default 200.
        public var baselineMinSamples = 200
        /// Smallest ratio between the recent and the baseline medians. Default 2.
        public var minRatio = 2.0
        /// Ratio below which an open anomaly clears (hysteresis). Default 1.5.
        public var clearRatio = 1.5
        /// Smallest shift of the recent median log value, in robust standard deviations (1.4826 × MAD,
        /// at least 0.05) of the baseline's single log values: the recent typical value must lie outside
        /// the bulk of the baseline, which keeps widely spread numbers (ids, counters) from ever
        /// firing. Default 2.
        public var minEffect = 2.0
        /// Also report drops, not only rises. Default false (a drop in latency or size is rarely a fault).
        public var detectDecrease = false
        /// A template's parameters are tracked once it has been seen this often. Default 20.
        public var minTemplateCount = 20
        /// Numeric series tracked per source; the least recently updated is evicted beyond this. Default 32.
        public var maxSeriesPerSource = 32

        public init() {}
    }
}
