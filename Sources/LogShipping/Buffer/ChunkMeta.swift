/// The buffer's bookkeeping for one chunk (its records live in the `ChunkStore`).
struct ChunkMeta: Sendable {
    let id: UInt64
    let header: ChunkHeader
    /// When the chunk was opened (flush_interval is measured from here).
    let opened: ContinuousClock.Instant
    var records = 0
    var bytes = 0
    /// Lowest buffer sequence number among this chunk's records that is not yet safe to
    /// acknowledge (not yet synced for a file chunk, not yet delivered for a memory chunk).
    var pendingFrom: UInt64?
}
