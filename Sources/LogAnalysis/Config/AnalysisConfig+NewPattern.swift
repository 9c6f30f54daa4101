import FaultMavenCore
import Foundation

extension AnalysisConfig {
    /// The `new_pattern` detector: an error template never seen before on a source that recurs.
    public struct NewPattern: Sendable, Hashable {
        /// Lowest level considered. Default `.error` (ERROR and FATAL); `.warn` adds warnings.
        public var minLevel: Level = .error
        /// Lines a source must have logged before templates can count as new. Default 300.
        public var warmupLines = 300
        /// Time a source must have been logging before templates can count as new. Default 600 s.
        public var warmupDuration: TimeInterval = 600
        /// Occurrences within `window` needed to fire: one stray new error never fires. Default 3.
        public var minCount = 3
        /// Window for `minCount`, in seconds. Default 300 s.
        public var window: TimeInterval = 300
        /// A template counts as new only this long after its first sighting; a rare template that did
        /// not recur in that time is background noise from then on. Default 600 s.
        public var novelty: TimeInterval = 600
        /// A template that matches a known template of the same source on at least this share of its
        /// tokens (wildcards match anything) is a variant the miner has not merged yet, not new. Default 0.8.
        public var variantSimilarity = 0.8

        public init() {}
    }
}
