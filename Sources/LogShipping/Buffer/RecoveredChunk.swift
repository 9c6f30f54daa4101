/// A chunk file found when a file buffer starts: what can be resent and what was torn.
struct RecoveredChunk {
    var id: UInt64
    var header: ChunkHeader
    var records: Int
    var bytes: Int
    /// Records announced by a torn frame (lost in the crash).
    var tornRecords: Int
    /// Bytes cut off after the valid prefix.
    var tornBytes: Int
    var problem: String?
}
