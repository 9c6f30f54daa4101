import DequeModule
import FaultMavenCore
import Logging

/// One output's buffer (`<match>` + `<buffer>`): records accumulate in a chunk per tag; a chunk is
/// sealed at `chunk_limit_size`/`chunk_limit_records` or `flush_interval` after it opened, queued,
/// and sent to the output one chunk at a time (so order per tag is kept), retried with backoff,
/// and dead-lettered when retries run out. A file buffer's chunks survive crashes and are resent
/// at the next `start`.
///
/// Acknowledgement: `onAcknowledge` receives a record's `ShipAck` (or a marker's, from
/// `acknowledge(_:position:)`) once every record appended before it is durable (file buffer:
/// fsynced) or resolved (memory buffer: delivered, dead-lettered, or dropped and counted).
/// Calls come from the buffer's executor, in order; the closure must not block.
///
/// Lifecycle: `init` → `start()` → `append`/`acknowledge`/`flush` … → `close()`.
public actor ShipBuffer {
    public nonisolated let name: String
    let config: BufferConfig
    let output: any Output
    let metrics: ShipMetrics
    let logger: Logger
    let onAcknowledge: @Sendable (ShipAck) -> Void
    let store: any ChunkStore
    let deadLetter: DeadLetterFile?

    enum State { case created, running, closing, closed }
    var state = State.created
    var nextChunkID: UInt64 = 1
    var open: [String: ChunkMeta] = [:]
    var queue: Deque<ChunkMeta> = []
    var inFlight: ChunkMeta?
    var totalBytes = 0
    /// Sequence number of the last record taken.
    var acceptedSeq: UInt64 = 0
    var markers = AckMarkers(limit: 65_536)
    /// Records from this sequence number on were lost (memory chunks not sent at shutdown):
    /// no acknowledgement may pass it.
    var lostFrom: UInt64?
    var spaceWaiters: [CheckedContinuation<Void, Never>] = []
    var chunkWaiter: CheckedContinuation<Void, Never>?
    var pauseTask: Task<Void, Never>?
    var loopTask: Task<Void, Never>?
    var tickTask: Task<Void, Never>?
    /// Set when a send failed during shutdown: the remaining chunks are not attempted.
    var abandonRest = false

    /// - Parameters:
    ///   - output: where sealed chunks go; its `name` labels the metrics.
    ///   - onAcknowledge: receives acknowledgement tokens (see the type's documentation).
    public init(
        output: any Output, config: BufferConfig, registry: MetricsRegistry,
        logger: Logger = Logger(label: "faultmaven.shipping"),
        onAcknowledge: @escaping @Sendable (ShipAck) -> Void = { _ in }
    ) throws(ShipError) {
        try config.validate()
        self.name = output.name
        self.config = config
        self.output = output
        self.metrics = ShipMetrics(registry: registry, output: output.name)
        self.logger = logger
        self.onAcknowledge = onAcknowledge
        if config.type == .file, let path = config.path {
            store = try FileChunkStore(directory: path, level: config.compressionLevel, frameLimit: config.frameLimitSize)
        } else {
            store = MemoryChunkStore()
        }
        deadLetter = config.deadLetterPath.map { DeadLetterFile(path: $0, maxSize: config.deadLetterMaxSize, output: output.name) }
    }

    /// Recovers a file buffer's chunks (queued for resending, oldest first; torn frames counted
    /// as dropped with reason `torn_chunk`) and starts the flush timer and the delivery task.
    public func start() throws(ShipError) {
        guard state == .created else { return }
        if let files = store as? FileChunkStore { try recover(files) }
        state = .running
        let tick = Self.tickInterval(config.flushInterval)
        tickTask = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: tick)
                await self?.tick()
            }
        }
        let loop = DeliveryLoop(buffer: self, output: output, policy: RetryPolicy(config), metrics: metrics, deadLetter: deadLetter, logger: logger)
        loopTask = Task { await loop.run() }
        updateGauges()
    }

    /// Takes `records` in order. Suspends while the buffer is full with `overflow_action block`.
    /// Throws `ShipError` `.overflow` (throw_exception: the records from the failing one on are
    /// not taken), `.closed`, or `.io` (a file buffer could not write).
    public func append(_ records: [ShipRecord]) async throws(ShipError) {
        defer { afterChange() }
        for (i, r) in records.enumerated() {
            try await append(r, index: i, of: records.count)
        }
    }

    /// Acknowledges `position` of `stream` once every record appended so far is durable or resolved.
    public func acknowledge(_ stream: String, position: Int64) {
        guard !stream.isEmpty else { return }
        markers.add(seq: acceptedSeq, ShipAck(stream: stream, position: position))
        afterChange()
    }

    /// Seals every open chunk now (Fluentd's flush signal); a file buffer's records become durable.
    public func flush() {
        for tag in Array(open.keys) { seal(tag) }
        afterChange()
    }

    public var status: BufferStatus {
        BufferStatus(
            openChunks: open.count, queuedChunks: queue.count, inFlightChunks: inFlight == nil ? 0 : 1,
            bytes: totalBytes, pendingAcks: markers.count)
    }

    /// Acknowledgement markers dropped because too many were waiting.
    public var ackEvictions: Int { markers.evictions }

    /// Stops taking records, seals open chunks, delivers what `flush_at_shutdown` asks for (one
    /// attempt per chunk, stopping at the first failure), waits for the delivery task, and
    /// closes the output. A file buffer keeps undelivered chunks for the next start; a memory
    /// buffer counts them as dropped (reason `shutdown`) and never acknowledges them.
    public func close() async {
        guard state == .running || state == .created else { return }
        let wasRunning = state == .running
        state = .closing
        tickTask?.cancel()
        for w in spaceWaiters { w.resume() }
        spaceWaiters.removeAll()
        for tag in Array(open.keys) { seal(tag) }
        pauseTask?.cancel()
        wakeDelivery()
        if wasRunning { await loopTask?.value }
        abandonQueue()
        await output.close()
        deadLetter?.close()
        state = .closed
        afterChange()
    }

    static func tickInterval(_ flush: Duration) -> Duration {
        min(max(flush / 4, .milliseconds(5)), .seconds(1))
    }
}
