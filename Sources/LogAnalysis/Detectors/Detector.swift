import FaultMavenCore
import Foundation

/// A streaming anomaly detector. Adding one = one new conforming type plus one line in
/// `AnalysisEngine.defaultDetectors(_:)`.
///
/// Detectors read the per-source statistics the engine keeps and report `Finding`s; they never see the
/// future. The engine owns the anomaly life cycle (open, update, close, cool-down).
public protocol Detector: Sendable {
    /// The kind of anomaly this detector reports.
    var kind: AnomalyKind { get }

    /// Called after `record` (event time `time`) has been folded into `stats`.
    mutating func observe(_ record: LogRecord, time: Date, stats: SourceStats, context: DetectorContext) -> [Finding]

    /// Called each time a bucket of `stats` closes, and from `AnalysisEngine.advance(to:)`.
    mutating func evaluate(_ stats: SourceStats, context: DetectorContext) -> [Finding]
}

extension Detector {
    public mutating func observe(
        _ record: LogRecord, time: Date, stats: SourceStats, context: DetectorContext
    ) -> [Finding] { [] }

    public mutating func evaluate(_ stats: SourceStats, context: DetectorContext) -> [Finding] { [] }
}
