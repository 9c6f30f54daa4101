import Foundation

extension AnalysisConfig {
    /// The `error_rate` detector: the error share of a recent window against the source's own baseline.
    public struct ErrorRate: Sendable, Hashable {
        /// Whether the detector runs. Default true.
        public var enabled = true
        /// Recent windows tested, in seconds; a short one reacts fast to strong bursts, longer ones
        /// catch moderate rises on quiet sources. Default [60, 300, 900].
        public var windows: [TimeInterval] = [60, 300, 900]
        /// Fewest ERROR/FATAL lines in a window before it can fire (a stray error never does). Default 5.
        public var minErrors = 5
        /// Smallest ratio of window error share to baseline error share. Default 3 ("several times").
        public var minRatio = 3.0
        /// Ratio below which an open anomaly clears (hysteresis; below `minRatio`). Default 2.
        public var clearRatio = 2.0
        /// Significance needed, as -log10 of a p-value; the weaker of two tests counts. (1) The Chernoff
        /// bound on P(X ≥ errors | lines, baseline share), the share taken as known (conservative: the
        /// bound's slack puts the real level near 1e-5). (2) The exact conditional test of two rates,
        /// P(X ≥ errors | errors + baseline errors, lines / (lines + baseline lines)), which allows for
        /// an uncertain baseline: a share that looks low only because the baseline is short or had few
        /// errors does not make an ordinary window look anomalous. Default 4: traffic surges that keep
        /// the share, and the clustering of real error counts, stay below it.
        public var minSignificance = 4.0
        /// Lowest baseline error share assumed, so a source with no baseline errors needs real evidence
        /// (with the default, at least ~10 errors in a few hundred lines). Default 0.001.
        public var baselineFloor = 0.001
        /// Lines needed in the baseline before the detector runs. Default 200.
        public var baselineMinLines = 200
        /// Baseline length needed before the detector runs, in seconds. Default 600 s.
        public var baselineMinDuration: TimeInterval = 600

        public init() {}
    }
}
