import Foundation

extension AnalysisConfig {
    /// The `volume` detector: a source's line rate far outside its own normal band, up or down.
    public struct Volume: Sendable, Hashable {
        /// Whether the detector runs. Default false: traffic surges that keep their error share are
        /// usually load, not faults (campaigns, batch jobs, retries); turn it on to be told about them.
        public var enabled = false
        /// Recent windows tested, in seconds. Default [60, 300].
        public var windows: [TimeInterval] = [60, 300]
        /// Smallest ratio between the window's line count and the baseline's typical count for the same
        /// length (either way: ×ratio for a surge, ÷ratio for a drop). Default 5: a ×3 surge is
        /// ordinary load and never fires, whatever the band.
        public var minRatio = 5.0
        /// Ratio below which an open anomaly clears (hysteresis; below `minRatio`). Default 2.5.
        public var clearRatio = 2.5
        /// Half-width of the normal band around the baseline windows' median log count, in robust
        /// standard deviations (1.4826 × MAD, at least 0.1) of those log counts: the source's own
        /// burstiness widens the band. Default 3.
        public var minEffect = 3.0
        /// The band also spans the baseline windows between this quantile and its mirror (1 − q), so a
        /// source whose busy periods are a regular minority (batch jobs every other hour) keeps them in
        /// its band, where the MAD alone would not. Default 0.95.
        public var bandQuantile = 0.95
        /// Significance of the count beyond the band's edge, as -log10 of the Chernoff bound on the
        /// Poisson tail at the edge's rate: quiet sources need real evidence, and a count just past the
        /// edge is noise. Default 6.
        public var minSignificance = 6.0
        /// Also report drops (the source still logs, but far less). Default true.
        public var detectDrops = true
        /// Baseline windows of the same length needed (whole windows of the history outside the tested
        /// one and outside anomalies). Default 6.
        public var baselineMinWindows = 6
        /// Baseline length needed, in seconds. Default 1,800 s.
        public var baselineMinDuration: TimeInterval = 1800

        public init() {}
    }
}
