import Foundation

/// Time-bucketed history: a `RingBuffer` of fixed-width buckets aligned to multiples of `width`.
///
/// The newest bucket is the *current* one (still filling); older buckets are *closed*. Rolling to a later
/// time appends empty buckets for every bucket boundary crossed, so gaps in traffic show up as empty
/// buckets rather than missing ones. Data for a time older than the history is counted in `lateDrops`.
public struct BucketRing<Payload: BucketPayload>: Sendable {
    /// Bucket width in seconds.
    public let width: TimeInterval
    private(set) var buckets: RingBuffer<Payload>
    /// Index (time / width, rounded down) of the newest bucket, nil before the first roll.
    public private(set) var newestIndex: Int64?
    /// Data points that were older than the whole history and so were not bucketed.
    public private(set) var lateDrops = 0

    /// Creates a ring of `capacity` buckets of `width` seconds each.
    public init(width: TimeInterval, capacity: Int) {
        self.width = width > 0 ? width : 1
        self.buckets = RingBuffer(capacity: capacity)
    }

    /// Number of buckets held, the current one included.
    public var count: Int { buckets.count }
    public var capacity: Int { buckets.capacity }

    /// The bucket index that contains `time`.
    public func index(of time: Date) -> Int64 {
        let v = (time.timeIntervalSince1970 / width).rounded(.down)
        guard v.isFinite else { return 0 }
        return Int64(max(min(v, 9.0e15), -9.0e15))
    }

    /// Start time of the bucket with index `index`.
    public func startTime(ofIndex index: Int64) -> Date {
        Date(timeIntervalSince1970: Double(index) * width)
    }

    /// Makes the bucket containing `time` the current one, appending empty buckets as needed.
    /// Returns the number of buckets that were closed (0 when `time` is in or before the current bucket).
    @discardableResult
    public mutating func roll(to time: Date) -> Int {
        let target = index(of: time)
        guard let newest = newestIndex else {
            buckets.append(Payload())
            newestIndex = target
            return 0
        }
        guard target > newest else { return 0 }
        let steps = target - newest
        let appended = Int(min(steps, Int64(buckets.capacity)))
        for _ in 0..<appended { buckets.append(Payload()) }
        newestIndex = target
        return Int(min(steps, Int64(Int.max)))
    }

    /// Applies `body` to the bucket containing `time`, rolling forward first if `time` is newer.
    /// Returns false (and counts a late drop) when `time` is older than the whole history.
    @discardableResult
    public mutating func update(at time: Date, _ body: (inout Payload) -> Void) -> Bool {
        roll(to: time)
        guard let newest = newestIndex else { return false }
        let back = newest - index(of: time)
        guard back >= 0, back < Int64(buckets.count) else {
            lateDrops += 1
            return false
        }
        body(&buckets[buckets.count - 1 - Int(back)])
        return true
    }

    /// Applies `body` to the current (newest) bucket.
    public mutating func updateCurrent(_ body: (inout Payload) -> Void) {
        buckets.updateLast(body)
    }

    /// The bucket `back` positions before the current one (0 = current), or nil when out of history.
    public func bucket(back: Int) -> Payload? {
        guard back >= 0, back < buckets.count else { return nil }
        return buckets[buckets.count - 1 - back]
    }

    /// Sum of the buckets from `back: from` (inclusive, counting back from the current bucket) over
    /// `count` buckets further into the past, skipping those for which `include` returns false.
    /// Returns the sum and how many buckets went into it.
    public func sum(
        from: Int, count: Int, where include: (Payload) -> Bool = { _ in true }
    ) -> (total: Payload, buckets: Int) {
        var total = Payload()
        var included = 0
        guard count > 0, from >= 0 else { return (total, 0) }
        let end = min(from + count, buckets.count)
        var back = from
        while back < end {
            let b = buckets[buckets.count - 1 - back]
            if include(b) {
                total.merge(b)
                included += 1
            }
            back += 1
        }
        return (total, included)
    }
}

extension BucketRing {
    /// Number of buckets among `count` buckets back from `from` for which `include` returns true.
    public func countBuckets(from: Int, count: Int, where include: (Payload) -> Bool) -> Int {
        guard count > 0, from >= 0 else { return 0 }
        var n = 0
        var back = from
        let end = min(from + count, buckets.count)
        while back < end {
            if include(buckets[buckets.count - 1 - back]) { n += 1 }
            back += 1
        }
        return n
    }
}
