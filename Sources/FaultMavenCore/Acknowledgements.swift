import Synchronization

/// How far the pipeline has fully processed each stream, so sources checkpoint only data that
/// can no longer be lost in a crash (checkpoints never run ahead of the pipeline).
///
/// The pipeline calls `acknowledge` after a batch's records are handled; a source reads
/// `position(of:)` when it writes its checkpoint. Bounded: at most `maxStreams` streams are
/// tracked; beyond that the least recently acknowledged is forgotten (counted in `evictions`),
/// and its source falls back to its own read position.
public final class Acknowledgements: Sendable {
    private struct State {
        var positions: [String: (position: Int64, tick: UInt64)] = [:]
        var tick: UInt64 = 0
        var evictions = 0
    }

    private let state = Mutex(State())
    public let maxStreams: Int

    public init(maxStreams: Int = 8192) {
        self.maxStreams = maxStreams
    }

    /// Records that everything in `streamID` up to `position` has been handled.
    /// Positions only move forward, except through `reset` (a truncated file).
    public func acknowledge(_ streamID: String, position: Int64) {
        guard !streamID.isEmpty else { return }
        state.withLock { s in
            s.tick &+= 1
            if let old = s.positions[streamID], old.position >= position {
                s.positions[streamID] = (old.position, s.tick)
                return
            }
            if s.positions[streamID] == nil, s.positions.count >= maxStreams,
                let victim = s.positions.min(by: { $0.value.tick < $1.value.tick })?.key
            {
                s.positions.removeValue(forKey: victim)
                s.evictions += 1
            }
            s.positions[streamID] = (position, s.tick)
        }
    }

    /// The acknowledged position of a stream, if any.
    public func position(of streamID: String) -> Int64? {
        state.withLock { $0.positions[streamID]?.position }
    }

    /// Starts a stream over (truncation, or a new file under a reused id).
    public func reset(_ streamID: String) {
        _ = state.withLock { $0.positions.removeValue(forKey: streamID) }
    }

    public var evictions: Int { state.withLock { $0.evictions } }
}
