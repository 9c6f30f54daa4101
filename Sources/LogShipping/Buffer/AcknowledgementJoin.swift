import Synchronization

/// Joins the acknowledgements of several buffers (several `<match>` outputs) into one: a
/// stream's position is forwarded once every buffer has acknowledged it.
///
/// Use with markers: the pipeline calls `acknowledge(stream, position:)` on every buffer, and
/// gives buffer `i` the callback `sink(i)`. (Per-record `ShipRecord.ack` tokens reach only the
/// buffer the record went to, so they do not combine here.) Bounded: at most `maxStreams`
/// streams; beyond that the least recently updated is forgotten (counted in `evictions`) and
/// its next acknowledgements start over.
public final class AcknowledgementJoin: Sendable {
    private struct Entry {
        var positions: [Int64?]
        var forwarded: Int64?
        var tick: UInt64
    }

    private struct State {
        var streams: [String: Entry] = [:]
        var tick: UInt64 = 0
        var evictions = 0
    }

    public let buffers: Int
    public let maxStreams: Int
    private let forward: @Sendable (ShipAck) -> Void
    private let state = Mutex(State())

    /// - Parameters:
    ///   - buffers: how many buffers report.
    ///   - forward: receives the joined acknowledgements (for example `Acknowledgements.acknowledge`).
    public init(buffers: Int, maxStreams: Int = 8192, forward: @escaping @Sendable (ShipAck) -> Void) {
        precondition(buffers >= 1, "AcknowledgementJoin needs at least one buffer")
        self.buffers = buffers
        self.maxStreams = maxStreams
        self.forward = forward
    }

    /// The `onAcknowledge` callback for buffer `index` (0-based).
    public func sink(_ index: Int) -> @Sendable (ShipAck) -> Void {
        precondition(index >= 0 && index < buffers, "buffer index \(index) out of range")
        return { [self] ack in report(index, ack) }
    }

    public var evictions: Int { state.withLock { $0.evictions } }

    private func report(_ index: Int, _ ack: ShipAck) {
        let due: Int64? = state.withLock { s in
            s.tick &+= 1
            if s.streams[ack.stream] == nil, s.streams.count >= maxStreams,
                let victim = s.streams.min(by: { $0.value.tick < $1.value.tick })?.key
            {
                s.streams.removeValue(forKey: victim)
                s.evictions += 1
            }
            var e = s.streams[ack.stream] ?? Entry(positions: Array(repeating: nil, count: buffers), forwarded: nil, tick: 0)
            e.tick = s.tick
            e.positions[index] = max(e.positions[index] ?? .min, ack.position)
            var result: Int64?
            if e.positions.allSatisfy({ $0 != nil }), let low = e.positions.compactMap({ $0 }).min(), low > (e.forwarded ?? .min) {
                e.forwarded = low
                result = low
            }
            s.streams[ack.stream] = e
            return result
        }
        if let due { forward(ShipAck(stream: ack.stream, position: due)) }
    }
}
