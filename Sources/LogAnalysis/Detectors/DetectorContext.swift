import Foundation

/// What a detector is told besides the source's statistics.
public struct DetectorContext: Sendable {
    public let config: AnalysisConfig
    /// The caller clock: event time in replay, wall time live.
    public let now: Date
    /// Keys of this detector's anomalies currently open on the source (for hysteresis).
    public let openKeys: Set<String>

    public init(config: AnalysisConfig, now: Date, openKeys: Set<String>) {
        self.config = config
        self.now = now
        self.openKeys = openKeys
    }
}
