import DequeModule

/// Acknowledgements waiting for the records before them to become durable or delivered.
///
/// Each marker holds the buffer sequence number of the last record it covers; `release`
/// hands over every marker at or below a watermark, folded to the highest position per stream.
/// Consecutive markers of one stream are merged (the later one covers the earlier). Bounded by
/// `limit`: when full, the oldest marker is dropped (counted in `evictions`) and its stream is
/// acknowledged by a later marker.
struct AckMarkers {
    private var markers: Deque<(seq: UInt64, ack: ShipAck)> = []
    let limit: Int
    private(set) var evictions = 0

    init(limit: Int) { self.limit = limit }

    var count: Int { markers.count }

    mutating func add(seq: UInt64, _ ack: ShipAck) {
        if let last = markers.last, last.ack.stream == ack.stream {
            markers[markers.count - 1] = (max(seq, last.seq), ShipAck(stream: ack.stream, position: max(ack.position, last.ack.position)))
            return
        }
        if markers.count >= limit {
            markers.removeFirst()
            evictions += 1
        }
        markers.append((seq, ack))
    }

    /// Markers with `seq <= watermark`, highest position per stream, in first-release order.
    mutating func release(upTo watermark: UInt64) -> [ShipAck] {
        var order: [String] = []
        var best: [String: Int64] = [:]
        while let first = markers.first, first.seq <= watermark {
            markers.removeFirst()
            if let p = best[first.ack.stream] {
                best[first.ack.stream] = max(p, first.ack.position)
            } else {
                order.append(first.ack.stream)
                best[first.ack.stream] = first.ack.position
            }
        }
        return order.map { ShipAck(stream: $0, position: best[$0]!) }
    }
}
