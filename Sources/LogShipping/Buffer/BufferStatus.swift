/// A snapshot of a buffer's contents.
public struct BufferStatus: Sendable, Equatable {
    /// Chunks being filled (one per tag at most).
    public var openChunks: Int
    /// Sealed chunks waiting for the output.
    public var queuedChunks: Int
    /// 1 while a chunk is being sent (with its retries).
    public var inFlightChunks: Int
    /// Record bytes held (open + queued + in flight).
    public var bytes: Int
    /// Acknowledgement markers waiting.
    public var pendingAcks: Int

    public var chunks: Int { openChunks + queuedChunks + inFlightChunks }
}
