import Testing
@testable import LogAnalysis

@Suite struct RingBufferTests {
    @Test func keepsInsertionOrderUntilFull() {
        var r = RingBuffer<Int>(capacity: 3)
        #expect(r.isEmpty && r.first == nil && r.last == nil)
        #expect(r.append(1) == nil)
        r.append(2)
        #expect(Array(r) == [1, 2])
        #expect(r.count == 2 && !r.isFull && r.overwrittenCount == 0)
    }

    @Test func overwritesOldestAndCounts() {
        var r = RingBuffer<Int>(capacity: 3)
        for i in 1...3 { r.append(i) }
        #expect(r.append(4) == 1)
        #expect(r.append(5) == 2)
        #expect(Array(r) == [3, 4, 5])
        #expect(r[0] == 3 && r[2] == 5 && r.first == 3 && r.last == 5)
        #expect(r.overwrittenCount == 2 && r.count == 3 && r.isFull)
    }

    @Test func subscriptSetAndUpdateLastAfterWrap() {
        var r = RingBuffer<Int>(capacity: 2)
        for i in 1...5 { r.append(i) }
        r[0] = 40
        r.updateLast { $0 += 100 }
        #expect(Array(r) == [40, 105])
    }

    @Test func removeAllKeepsOverwriteCountAndCapacityIsAtLeastOne() {
        var r = RingBuffer<String>(capacity: 0)
        #expect(r.capacity == 1)
        r.append("a")
        r.append("b")
        r.removeAll()
        #expect(r.isEmpty && r.overwrittenCount == 1)
        r.append("c")
        #expect(Array(r) == ["c"])
    }

    @Test func equalityComparesContentInOrder() {
        var a = RingBuffer<Int>(capacity: 2), b = RingBuffer<Int>(capacity: 2)
        for i in 1...3 { a.append(i) }
        b.append(2)
        b.append(3)
        #expect(a == b)
        b.append(4)
        #expect(a != b)
    }
}
