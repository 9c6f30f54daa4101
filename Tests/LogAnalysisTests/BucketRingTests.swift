import Foundation
import Testing
@testable import LogAnalysis

@Suite struct BucketRingTests {
    private func at(_ s: TimeInterval) -> Date { Date(timeIntervalSince1970: 1_000_000 + s) }

    @Test func rollingAcrossAGapAppendsEmptyBuckets() {
        var ring = BucketRing<TrafficBucket>(width: 10, capacity: 6)
        ring.update(at: at(1)) { $0.lines += 1 }
        ring.update(at: at(5)) { $0.lines += 1 }
        #expect(ring.count == 1)
        let closed = ring.roll(to: at(35))
        #expect(closed == 3)
        #expect(ring.count == 4)
        #expect(ring.bucket(back: 0)?.lines == 0)
        #expect(ring.bucket(back: 3)?.lines == 2)
        #expect(ring.roll(to: at(36)) == 0)
    }

    @Test func lateDataGoesToItsBucketOrIsCountedWhenTooOld() {
        var ring = BucketRing<TrafficBucket>(width: 10, capacity: 3)
        ring.update(at: at(0)) { $0.lines += 1 }
        ring.roll(to: at(25))
        #expect(ring.update(at: at(12)) { $0.errors += 1 })
        #expect(ring.bucket(back: 1)?.errors == 1)
        ring.roll(to: at(45))
        #expect(!ring.update(at: at(1)) { $0.lines += 1 })
        #expect(ring.lateDrops == 1)
    }

    @Test func aHugeJumpIsBoundedByCapacity() {
        var ring = BucketRing<TrafficBucket>(width: 10, capacity: 4)
        ring.update(at: at(0)) { $0.lines = 7 }
        ring.roll(to: at(1e9))
        #expect(ring.count == 4)
        #expect(ring.sum(from: 0, count: 10).total.lines == 0)
    }

    @Test func sumSkipsExcludedBucketsAndCountsIncluded() {
        var ring = BucketRing<TrafficBucket>(width: 10, capacity: 10)
        for i in 0..<5 {
            ring.update(at: at(Double(i) * 10)) {
                $0.lines = 10
                $0.errors = i
                $0.anomalous = i == 2
            }
        }
        let all = ring.sum(from: 0, count: 5)
        #expect(all.total.lines == 50 && all.total.errors == 10 && all.buckets == 5)
        let normal = ring.sum(from: 1, count: 10) { !$0.anomalous }
        #expect(normal.buckets == 3 && normal.total.errors == 0 + 1 + 3)
        #expect(ring.countBuckets(from: 0, count: 5) { $0.errors > 1 } == 3)
    }
}
