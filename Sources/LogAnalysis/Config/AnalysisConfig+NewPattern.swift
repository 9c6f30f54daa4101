import FaultMavenCore
import Foundation

extension AnalysisConfig {
    /// The `new_pattern` detector: an error template never seen before on a source that recurs.
    public struct NewPattern: Sendable, Hashable {
        /// Whether the detector runs. Default true.
        public var enabled = true
        /// Lowest level considered. Default `.error` (ERROR and FATAL); `.warn` adds warnings.
        public var minLevel: Level = .error
        /// Lines a source must have logged before templates can count as new. Default 300.
        public var warmupLines = 300
        /// Time a source must have been logging before templates can count as new. Default 600 s.
        public var warmupDuration: TimeInterval = 600
        /// Fewest occurrences within `window` that can fire: one stray new error never does. Default 2.
        public var minCount = 2
        /// Occurrences of a new template are counted over this recent window, in seconds. Default 300 s.
        public var window: TimeInterval = 300
        /// How unlikely the recurrence must be for a background template. A template the source never
        /// logged in the `T` seconds it was watched before has a rate of about 1/T at most; its `k`
        /// occurrences within the `Δ` seconds from the earliest one in `window` have the chance
        /// P(Poisson(Δ/T) ≥ k - 1), which must be at most this. Default 0.01: after an hour of history
        /// a 2nd occurrence within 36 s fires, or a 3rd within 9 minutes; right after the warm-up
        /// (10 minutes) a 3rd within 89 s.
        public var recurrenceSignificance = 0.01
        /// A template counts as new only this long after its first sighting; a rare template that did
        /// not recur in that time is background noise from then on. Default 600 s.
        public var novelty: TimeInterval = 600
        /// A template that matches a known template of the same source on at least this share of its
        /// tokens (wildcards match anything) is a variant the miner has not merged yet, not new. Default 0.8.
        public var variantSimilarity = 0.8

        public init() {}
    }
}
