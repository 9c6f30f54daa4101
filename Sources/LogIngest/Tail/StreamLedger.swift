import FaultMavenCore

/// What the tail loop remembers about streams that are not open files: records loaded from
/// the sidecar, streams that ended, compressed files already read. Bounded: at most
/// ``maxEnded`` ended streams and ``maxDone`` done files, oldest forgotten first (counted in
/// ``evictions``); done files whose file is gone are dropped at each refresh.
struct StreamLedger {
    /// A stream that ended after being read up to `hi`.
    struct Ended {
        var record: StreamRecord
        /// Position after the last line handed on.
        var hi: Int64
        /// Acknowledgement floor while lines of this run may still be unacknowledged;
        /// `nil` for records loaded from the sidecar (their `offset` is already safe).
        var floor: AckFloor?

        /// The position safe to persist: `hi` once acknowledged (or without acknowledgements).
        func safePosition(_ acks: Acknowledgements?) -> Int64 {
            guard let acks, let floor else { return hi }
            return min(hi, floor.position(acks))
        }
    }

    static let maxEnded = 2048
    static let maxDone = 4096

    /// `open`, `drain` and `reading` records of the previous run, by identity, until the file
    /// is opened again (or found gone).
    var previous: [FileIdentity: StreamRecord] = [:]
    private(set) var ended: [Ended] = []
    private(set) var done: [FileIdentity: StreamRecord] = [:]
    private var doneOrder: [FileIdentity] = []
    private(set) var evictions = 0

    /// Takes the records of a sidecar. Plain streams open at the last save are also kept as
    /// ended streams, so a copy of one made while the agent was down is recognised.
    mutating func load(_ records: [StreamRecord]) {
        for r in records {
            switch r.kind {
            case .open, .drain:
                previous[r.identity] = r
                end(Ended(record: r, hi: r.offset, floor: nil))
            case .reading:
                previous[r.identity] = r
            case .ended:
                end(Ended(record: r, hi: r.offset, floor: nil))
            case .done:
                markDone(r)
            }
        }
    }

    /// The generation for a new stream of `identity`: one past any known, else 0.
    func nextGeneration(_ identity: FileIdentity) -> Int {
        var g = -1
        if let p = previous[identity] { g = max(g, p.generation) }
        for e in ended where e.record.identity == identity { g = max(g, e.record.generation) }
        return g + 1
    }

    /// Records a stream that ended (replacing an older entry for the same stream).
    mutating func end(_ e: Ended) {
        var e = e
        e.record.kind = .ended
        removeEnded(streamID: e.record.streamID)
        ended.append(e)
        if ended.count > StreamLedger.maxEnded {
            ended.removeFirst(ended.count - StreamLedger.maxEnded)
            evictions += 1
        }
    }

    mutating func removeEnded(streamID: String) {
        ended.removeAll { $0.record.streamID == streamID }
    }

    /// The most recent ended stream whose (distinctive) head `head` starts with: `head` is
    /// the content of a copy of it. Streams of `identity` itself are not copies.
    func matchCopy(head: [UInt8], excluding identity: FileIdentity) -> Ended? {
        for e in ended.reversed()
        where e.record.identity != identity && e.record.fingerprint.isDistinctive && e.record.fingerprint.matches(head: head) {
            return e
        }
        return nil
    }

    /// True when the compressed file with this identity, size and raw head was read already.
    func isDone(_ identity: FileIdentity, size: Int64, fingerprint: Fingerprint?) -> Bool {
        guard let d = done[identity] else { return false }
        return d.size == size && (fingerprint == nil || d.fingerprint == fingerprint)
    }

    mutating func markDone(_ r: StreamRecord) {
        var r = r
        r.kind = .done
        if done.updateValue(r, forKey: r.identity) == nil { doneOrder.append(r.identity) }
        while done.count > StreamLedger.maxDone, !doneOrder.isEmpty {
            if done.removeValue(forKey: doneOrder.removeFirst()) != nil { evictions += 1 }
        }
        if doneOrder.count > 2 * StreamLedger.maxDone { doneOrder = doneOrder.filter { done[$0] != nil } }
    }

    /// Drops done records whose file no longer exists (`exists` false); returns whether any was dropped.
    mutating func pruneDone(exists: (StreamRecord) -> Bool) -> Bool {
        let gone = done.values.filter { !exists($0) }.map(\.identity)
        for id in gone { done.removeValue(forKey: id) }
        if !gone.isEmpty { doneOrder = doneOrder.filter { done[$0] != nil } }
        return !gone.isEmpty
    }

    /// Ended and done records as persisted.
    func records(_ acks: Acknowledgements?) -> [StreamRecord] {
        var out: [StreamRecord] = []
        out.reserveCapacity(ended.count + done.count)
        for e in ended {
            var r = e.record
            r.offset = e.safePosition(acks)
            out.append(r)
        }
        for id in doneOrder { if let d = done[id] { out.append(d) } }
        return out
    }
}
