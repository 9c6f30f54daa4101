/// A buffer's settings: Fluentd's `<buffer>` parameters, plus the dead-letter file.
///
/// Chunks are keyed by tag (as Fluentd's `<buffer tag>`). Sizes count records' encoded bytes
/// (`ShipRecord.byteSize`), before compression.
public struct BufferConfig: Sendable, Equatable {
    public enum StoreType: String, Sendable { case memory, file }

    public var type: StoreType
    /// Directory of the chunk files (`@type file`; required there).
    public var path: String?
    public var chunkLimitSize: Int
    public var chunkLimitRecords: Int?
    public var totalLimitSize: Int
    /// A chunk is sealed and queued this long after its first record.
    public var flushInterval: Duration
    /// On `close`, try to deliver every chunk (once each) before stopping.
    public var flushAtShutdown: Bool
    public var retryWait: Duration
    public var retryMaxInterval: Duration
    /// Give up on a chunk (dead letter) this long after its first failure.
    public var retryTimeout: Duration
    public var retryMaxTimes: Int?
    /// Never give up (`retry_forever`): `retry_timeout`/`retry_max_times` are ignored.
    public var retryForever: Bool
    public var retryExponentialBackoffBase: Double
    /// Full jitter: each wait is uniform in 0...backoff (`retry_randomize`).
    public var retryRandomize: Bool
    public var overflowAction: OverflowAction
    /// JSON-lines file for records that could not be delivered (nil: counted as dropped with
    /// reason `no_dead_letter`). Default for file buffers: `<path>/dead-letter.jsonl`.
    public var deadLetterPath: String?
    public var deadLetterMaxSize: Int
    /// Open chunks (distinct tags being filled) at most; beyond it the oldest is sealed early.
    public var maxOpenChunks: Int
    /// zstd level of file chunk frames.
    public var compressionLevel: Int32
    /// Staged bytes written as one frame of a file chunk.
    public var frameLimitSize: Int

    /// Largest `chunk_limit_size` accepted.
    public static let maxChunkLimitSize = 256 * 1024 * 1024

    public init(
        type: StoreType = .memory, path: String? = nil, chunkLimitSize: Int = 8 * 1024 * 1024, chunkLimitRecords: Int? = nil,
        totalLimitSize: Int? = nil, flushInterval: Duration = .seconds(60), flushAtShutdown: Bool? = nil,
        retryWait: Duration = .seconds(1), retryMaxInterval: Duration = .seconds(300), retryTimeout: Duration = .seconds(72 * 3600),
        retryMaxTimes: Int? = nil, retryForever: Bool = false, retryExponentialBackoffBase: Double = 2, retryRandomize: Bool = true,
        overflowAction: OverflowAction = .throwException, deadLetterPath: String? = nil, deadLetterMaxSize: Int = 1 << 30,
        maxOpenChunks: Int = 256, compressionLevel: Int32 = 1, frameLimitSize: Int = 256 * 1024
    ) {
        self.type = type
        self.path = path
        self.chunkLimitSize = chunkLimitSize
        self.chunkLimitRecords = chunkLimitRecords
        self.totalLimitSize = totalLimitSize ?? (type == .file ? 64 * 1024 * 1024 * 1024 : 512 * 1024 * 1024)
        self.flushInterval = flushInterval
        self.flushAtShutdown = flushAtShutdown ?? (type == .memory)
        self.retryWait = retryWait
        self.retryMaxInterval = retryMaxInterval
        self.retryTimeout = retryTimeout
        self.retryMaxTimes = retryMaxTimes
        self.retryForever = retryForever
        self.retryExponentialBackoffBase = retryExponentialBackoffBase
        self.retryRandomize = retryRandomize
        self.overflowAction = overflowAction
        self.deadLetterPath = deadLetterPath ?? path.map { "\($0)/dead-letter.jsonl" }
        self.deadLetterMaxSize = deadLetterMaxSize
        self.maxOpenChunks = maxOpenChunks
        self.compressionLevel = compressionLevel
        self.frameLimitSize = frameLimitSize
    }

    /// Checks the combination; throws naming the parameter.
    public func validate() throws(ShipError) {
        if type == .file && (path ?? "").isEmpty { throw .config("<buffer>: @type file needs a path") }
        if let path, !path.hasPrefix("/") { throw .config("<buffer>: path \(path) must be absolute") }
        guard chunkLimitSize > 0, chunkLimitSize <= Self.maxChunkLimitSize else {
            throw .config("<buffer>: chunk_limit_size must be between 1 byte and 256m")
        }
        if let n = chunkLimitRecords, n < 1 { throw .config("<buffer>: chunk_limit_records must be at least 1") }
        guard totalLimitSize >= chunkLimitSize else { throw .config("<buffer>: total_limit_size must be at least chunk_limit_size") }
        guard flushInterval > .zero else { throw .config("<buffer>: flush_interval must be positive") }
        guard retryExponentialBackoffBase >= 1 else { throw .config("<buffer>: retry_exponential_backoff_base must be at least 1") }
        guard retryMaxInterval >= retryWait else { throw .config("<buffer>: retry_max_interval must be at least retry_wait") }
        guard maxOpenChunks >= 1, frameLimitSize >= 1 else { throw .config("<buffer>: max_open_chunks and frame_limit_size must be positive") }
        if let d = deadLetterPath, !d.hasPrefix("/") { throw .config("<buffer>: dead_letter_path \(d) must be absolute") }
    }
}
