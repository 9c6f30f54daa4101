import Foundation

/// Line counts of one source in one time bucket.
public struct TrafficBucket: BucketPayload, Hashable {
    /// All lines.
    public var lines = 0
    /// ERROR and FATAL lines.
    public var errors = 0
    /// WARN lines.
    public var warnings = 0
    /// Longest gap in seconds between a line in this bucket and the line before it on the same source.
    public var maxGap: TimeInterval = 0
    /// True when an anomaly was open on the source while this bucket filled; such buckets are left out
    /// of baselines so an incident does not teach the detectors that it is normal.
    public var anomalous = false

    public init() {}

    public mutating func merge(_ other: TrafficBucket) {
        lines += other.lines
        errors += other.errors
        warnings += other.warnings
        maxGap = max(maxGap, other.maxGap)
        anomalous = anomalous || other.anomalous
    }

    /// Error share of these lines (0 when there are none).
    public var errorRatio: Double { lines > 0 ? Double(errors) / Double(lines) : 0 }
}
