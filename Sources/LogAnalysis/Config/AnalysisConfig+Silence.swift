import Foundation

extension AnalysisConfig {
    /// The `silence` detector: a source that logged steadily stops for much longer than its normal gaps.
    public struct Silence: Sendable, Hashable {
        /// Whether the detector runs. Default true.
        public var enabled = true
        /// Shortest gap ever reported: only a floor, the gap must also beat `gapFactor` times the
        /// source's own longest normal gap and `minExpectedLines` at its own rate. Default 30 s.
        public var minGap: TimeInterval = 30
        /// The gap must exceed this multiple of the longest gap between lines in the baseline. Default 4.
        public var gapFactor = 4.0
        /// The gap must be long enough that at the baseline rate this many lines were expected
        /// (a Poisson source stays silent that long with probability e^-15 ≈ 3e-7). Default 15.
        public var minExpectedLines = 15.0
        /// Lines needed in the baseline. Default 100.
        public var baselineMinLines = 100
        /// Baseline length needed, in seconds. Default 600 s.
        public var baselineMinDuration: TimeInterval = 600
        /// Share of baseline buckets that must hold at least one line ("logged steadily"). Default 0.5.
        public var minActiveFraction = 0.5
        /// A source silent for longer than this is taken as gone: its silence anomaly closes and stays
        /// closed until the source logs again, so one retired source does not hold an incident open
        /// forever. Default 3,600 s.
        public var maxDuration: TimeInterval = 3600

        public init() {}
    }
}
