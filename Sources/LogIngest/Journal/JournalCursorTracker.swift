/// Which cursor may be stored: the cursor of the last entry that can no longer be lost.
///
/// Without acknowledgements that is the last entry of the last batch the output accepted.
/// With them, the cursors of sent entries wait (by sequence number) until the pipeline
/// acknowledges a position at or past them. At most `limit` cursors wait; beyond it the oldest
/// is forgotten and counted, so the stored cursor can lag (a restart may repeat entries) but
/// never runs ahead (no entry is lost).
struct JournalCursorTracker: Sendable {
    let limit: Int
    let usesAcknowledgements: Bool
    /// Sent entries awaiting acknowledgement, oldest first, from index `head`.
    private var pending: [(seq: Int64, cursor: String)] = []
    private var head = 0
    /// The cursor to store; starts as the cursor loaded at startup.
    private(set) var committed: String?
    /// Bumped whenever `committed` changes, so writers can tell whether a write is due.
    private(set) var version = 0
    /// Sequence number of the last entry sent.
    private(set) var lastSentSeq: Int64 = 0
    /// Sequence number of the entry `committed` names (0 before any).
    private(set) var committedSeq: Int64 = 0
    private(set) var evictions = 0

    init(limit: Int, usesAcknowledgements: Bool, stored: String?) {
        self.limit = limit
        self.usesAcknowledgements = usesAcknowledgements
        self.committed = stored
    }

    var pendingCount: Int { pending.count - head }

    /// Records entries the output accepted (sequence numbers ascending).
    /// Returns how many pending cursors were forgotten to stay within `limit`.
    mutating func sent(_ entries: [(seq: Int64, cursor: String)]) -> Int {
        guard let last = entries.last else { return 0 }
        lastSentSeq = last.seq
        if !usesAcknowledgements {
            commit(last)
            return 0
        }
        pending.append(contentsOf: entries)
        let excess = max(0, pendingCount - limit)
        head += excess
        evictions += excess
        compact()
        return excess
    }

    /// Commits the newest pending entry at or below the acknowledged position `acked`.
    mutating func acknowledge(upTo acked: Int64) {
        var newest: (seq: Int64, cursor: String)?
        while head < pending.count, pending[head].seq <= acked {
            newest = pending[head]
            head += 1
        }
        if let newest { commit(newest) }
        compact()
    }

    private mutating func commit(_ e: (seq: Int64, cursor: String)) {
        committedSeq = e.seq
        if committed != e.cursor {
            committed = e.cursor
            version += 1
        }
    }

    private mutating func compact() {
        if head == pending.count {
            pending.removeAll(keepingCapacity: pending.count <= 4096)
            head = 0
        } else if head > 1024 && head * 2 > pending.count {
            pending.removeFirst(head)
            head = 0
        }
    }
}
