import Foundation

/// Count, sum and sum of squares of the log values of a numeric series in one bucket (mergeable).
public struct MetricMoments: BucketPayload, Hashable {
    public var count = 0
    public var sum = 0.0
    public var sumOfSquares = 0.0
    /// True when an anomaly was open on the source while this bucket filled (left out of baselines).
    public var anomalous = false

    public init() {}

    public mutating func merge(_ other: MetricMoments) {
        count += other.count
        sum += other.sum
        sumOfSquares += other.sumOfSquares
        anomalous = anomalous || other.anomalous
    }

    /// Adds one value, already on the log scale.
    mutating func add(_ logValue: Double) {
        count += 1
        sum += logValue
        sumOfSquares += logValue * logValue
    }

    public var mean: Double { count > 0 ? sum / Double(count) : 0 }

    /// Population standard deviation (0 for fewer than two values).
    public var standardDeviation: Double {
        guard count > 1 else { return 0 }
        let m = mean
        return max(0, sumOfSquares / Double(count) - m * m).squareRoot()
    }
}
