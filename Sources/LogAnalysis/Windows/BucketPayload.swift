/// What one time bucket of a `BucketRing` accumulates. An empty value stands for a bucket with no data.
public protocol BucketPayload: Sendable {
    /// The payload of a bucket in which nothing happened.
    init()
    /// Folds `other` into `self` (used to sum a range of buckets).
    mutating func merge(_ other: Self)
}
