import Foundation

/// Line counts of one source in one time bucket.
public struct TrafficBucket: BucketPayload, Hashable {
    /// All lines.
    public var lines = 0
    /// ERROR and FATAL lines.
    public var errors = 0
    /// ERROR and FATAL lines of templates already reported as an open `new_pattern` anomaly: explained,
    /// so `error_rate` leaves them out instead of reporting the same errors again.
    public var explainedErrors = 0
    /// WARN lines.
    public var warnings = 0
    /// Longest gap in seconds between a line in this bucket and the line before it on the same source.
    public var maxGap: TimeInterval = 0
    /// Event time of the earliest ERROR/FATAL line in this bucket, nil when it holds none: where an
    /// error burst really began (the bucket start is earlier than any evidence).
    public var firstError: Date?
    /// True when an anomaly was open on the source while this bucket filled; such buckets are left out
    /// of baselines so an incident does not teach the detectors that it is normal.
    public var anomalous = false

    public init() {}

    public mutating func merge(_ other: TrafficBucket) {
        lines += other.lines
        errors += other.errors
        explainedErrors += other.explainedErrors
        warnings += other.warnings
        maxGap = max(maxGap, other.maxGap)
        if let t = other.firstError { firstError = min(firstError ?? t, t) }
        anomalous = anomalous || other.anomalous
    }

    /// These counts without the explained errors (neither as errors nor as lines).
    public var unexplained: TrafficBucket {
        var b = self
        b.errors -= explainedErrors
        b.lines -= explainedErrors
        b.explainedErrors = 0
        return b
    }

    /// Error share of these lines (0 when there are none).
    public var errorRatio: Double { lines > 0 ? Double(errors) / Double(lines) : 0 }
}
