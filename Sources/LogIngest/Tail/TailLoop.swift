import FaultMavenCore
import Foundation
import Logging
import ServiceLifecycle

/// The running state of one ``TailSource``: open files, pending lines, checkpoints, watchers.
/// Lives inside the source's `run` task and is never shared.
final class TailLoop {
    let config: TailConfig
    let output: BoundedChannel<LineBatch>
    let metrics: TailMetrics
    let logger: Logger
    let acks: Acknowledgements?
    let now: @Sendable () -> Date
    let clock = ContinuousClock()
    let expander: PathExpander
    let positions: PositionFile?
    let stateFile: TailStateFile?

    /// Sleep step while waiting: bounds the reaction time to inotify events and shutdown.
    static let tick = Duration.milliseconds(50)
    static let readBufferBytes = 64 * 1024
    /// Line length assumed when sizing a read's line table (it grows when lines are shorter).
    static let expectedLineBytes = 64
    /// Lines of room ``lineTable`` keeps between reads (more is given back after a read that
    /// needed more: a read of very short lines).
    static let keptTableLines = TailLoop.readBufferBytes / 16
    /// Read buffers kept for reuse (``readBuffers``): enough for the reads in flight when the
    /// consumer keeps up (a few sends of ``batchesPerSend`` batches); released when idle.
    static let keptReadBuffers = 16
    /// Room for a carried partial line that new read buffers get on top of a read.
    static let readBufferSlack = 16 * 1024
    static let binaryCheckBytes: Int64 = 8 * 1024
    /// Full batches a file's reads gather before they are sent back to back, so that the
    /// consumer is woken once for several batches rather than once for each.
    static let batchesPerSend = 8
    /// Longest run of reading rounds before the loop lets other tasks on its thread run
    /// (each yield costs a thread hand-off, so not after every round).
    static let yieldInterval = Duration.milliseconds(5)
    /// Streams with sent but unacknowledged lines tracked at most (for the shutdown wait).
    static let maxSentStreams = 65_536

    /// The file currently at each concrete path.
    var active: [String: TailedFile] = [:]
    /// Files renamed away, replaced or deleted, read until their deadline.
    var draining: [TailedFile] = []
    /// Compressed files being read start to end.
    var compressed: [TailedFile] = []
    /// Compressed files read to their end whose lines are not all accepted/acknowledged yet.
    var completing: [TailedFile] = []
    /// Checkpoints not (yet) matched to an open file.
    var carried: [String: PositionFile.Entry] = [:]
    /// Sidecar knowledge: previous run's streams, ended streams, compressed files done.
    var ledger = StreamLedger()
    var pending = PendingBatch()
    /// Buffers of recent reads, reused once the pipeline released their blocks.
    var readBuffers = ReadBufferRing(
        limit: TailLoop.keptReadBuffers, minimumCapacity: TailLoop.readBufferBytes + TailLoop.readBufferSlack,
        largestKept: 2 * TailLoop.readBufferBytes)
    /// The line table every read of a plain file is framed into (emptied before each read).
    var lineTable = LineTable(capacity: TailLoop.readBufferBytes / TailLoop.expectedLineBytes)
    var readBuffer = [UInt8](repeating: 0, count: TailLoop.readBufferBytes)
    var watcher: InotifyWatcher?
    var watchedDirectories: [String: Int32] = [:]
    /// Keys of problems already logged (path + reason).
    var warned = RecentSet<String>(limit: 4096)
    /// Files found binary, never read again while they keep their identity.
    var binaryFiles = RecentSet<FileIdentity>(limit: 4096)
    /// Paths counted as skipped for the open-file limit (counted once until opened).
    var overLimit = RecentSet<String>(limit: 4096)
    /// Highest position sent per stream, until acknowledged (acknowledgement mode only).
    var sent: [String: Int64] = [:]
    /// New files that look like a copy of a file still being read: when first seen.
    var deferredCopies: [String: ContinuousClock.Instant] = [:]
    /// Compressed files found incomplete (still being written): where to pick up again.
    var compressedRetries: [FileIdentity: CompressedRetry] = [:]
    var reportedEvictions = 0

    /// `output` was finished: nothing more can be sent.
    var outputClosed = false
    var checkpointDirty = false
    var lastCheckpoint: ContinuousClock.Instant?
    /// When the loop last yielded its thread while files had more to read.
    var lastYield = ContinuousClock.now
    var lastSavedPositions: [String: PositionFile.Entry]?
    var lastSavedRecords: [StreamRecord]?
    var nextRefresh: ContinuousClock.Instant
    var nextPoll: ContinuousClock.Instant

    init(
        config: TailConfig, output: BoundedChannel<LineBatch>, metrics: TailMetrics, logger: Logger,
        acknowledgements: Acknowledgements?, now: @escaping @Sendable () -> Date
    ) {
        self.config = config
        self.output = output
        self.metrics = metrics
        var logger = logger
        logger[metadataKey: "source"] = "\(config.sourceID)"
        self.logger = logger
        self.acks = acknowledgements
        self.now = now
        self.expander = PathExpander(patterns: config.paths, excludes: config.excludePaths)
        self.positions = config.posFile.map { PositionFile(path: $0) }
        self.stateFile = config.posFile.map { TailStateFile(posFile: $0) }
        nextRefresh = clock.now
        nextPoll = clock.now
    }

    var shouldStop: Bool { outputClosed || Task.isCancelled || Task.isShuttingDownGracefully }

    /// Something to write at the next checkpoint turn (acknowledgements may have moved).
    var checkpointWanted: Bool { checkpointDirty || (acks != nil && !sent.isEmpty) || !completing.isEmpty }

    func run() async throws {
        try loadCheckpoints()
        startWatcher()
        refresh(startup: true)
        resumeDraining()
        var scope: Set<String>? = nil
        while !shouldStop {
            await service(scope)
            let busy = active.values.filter(\.hasMore).map(\.path)
            let idle = busy.isEmpty && !draining.contains(where: \.hasMore) && !compressed.contains(where: \.hasMore)
            // Lines of a file still being read wait for the next round unless enough batches gathered.
            await flush(all: idle)
            if shouldStop { break }
            updateGauges()
            saveCheckpoints(force: false)
            let (next, rescan): (Set<String>?, Bool)
            if idle {
                readBuffers.removeAll()
                (next, rescan) = await waitForWork(sleep: true)
            } else {
                // More to read: now and then let other tasks run; pick up other work, keep going.
                if clock.now - lastYield >= TailLoop.yieldInterval {
                    await Task.yield()
                    lastYield = clock.now
                }
                (next, rescan) = await waitForWork(sleep: false)
            }
            scope = next.map { $0.union(busy) }
            if rescan || clock.now >= nextRefresh { refresh(startup: false) }
        }
        await shutdown()
    }

    /// Waits (in short sleeps) for inotify events, the next poll, refresh or drain deadline;
    /// without `sleep` only looks once. Returns the paths to service (`nil` = all) and
    /// whether to rescan the patterns.
    private func waitForWork(sleep: Bool) async -> (Set<String>?, Bool) {
        while !shouldStop {
            if let w = watcher {
                let events = w.drain()
                if !events.isEmpty { return (events.paths, events.directoriesChanged) }
            }
            let t = clock.now
            if config.enableWatchTimer && t >= nextPoll {
                nextPoll = t.advanced(by: .seconds(config.pollInterval))
                return (nil, false)
            }
            if t >= nextRefresh { return ([], true) }
            if draining.contains(where: { ($0.drainDeadline ?? t) <= t }) { return ([], false) }
            if checkpointWanted, let last = lastCheckpoint, t - last >= .seconds(1) { return ([], false) }
            if !sleep { return ([], false) }
            try? await Task.sleep(for: TailLoop.tick)
        }
        return ([], false)
    }

    /// Graceful stop: last reads of rotated files, final send, wait for acknowledgements.
    /// Any stop: checkpoints, close.
    private func shutdown() async {
        if !Task.isCancelled && !outputClosed {
            for file in draining { file.drainDeadline = clock.now }
            var rounds = 0
            repeat {
                await serviceDraining()
                rounds += 1
            } while !draining.isEmpty && !outputClosed && !Task.isCancelled && rounds < 10_000
            await flush(all: true)
        }
        if !Task.isCancelled { await waitForAcknowledgements() }
        settleCompleted()
        checkpointDirty = true
        saveCheckpoints(force: true)
        for file in active.values { if let wd = file.watch { watcher?.remove(wd) } }
        active.removeAll()
        draining.removeAll()
        compressed.removeAll()
        updateGauges()
    }

    /// Waits until every stream's acknowledged position reached what was sent, at most
    /// `shutdownAckTimeout` (logged when it expires) and only until the task is cancelled.
    private func waitForAcknowledgements() async {
        guard let acks else { return }
        let deadline = clock.now.advanced(by: .seconds(config.shutdownAckTimeout))
        while true {
            pruneAcknowledged(acks)
            if sent.isEmpty || Task.isCancelled { return }
            if clock.now >= deadline {
                logger.warning("shutdown: lines sent but not acknowledged in time; checkpoints keep the acknowledged positions",
                               metadata: ["streams": "\(sent.count)", "timeout_s": "\(config.shutdownAckTimeout)"])
                return
            }
            try? await Task.sleep(for: TailLoop.tick)
        }
    }

    /// Forgets streams whose sent lines are all acknowledged.
    func pruneAcknowledged(_ acks: Acknowledgements) {
        sent = sent.filter { (acks.position(of: $0.key) ?? -1) < $0.value }
    }

    /// Sends everything with `all`; otherwise sends the full batches once ``batchesPerSend`` of
    /// them gathered. Advances the checkpoints they complete.
    func flush(all: Bool) async {
        if !all && pending.count < config.batchLines * TailLoop.batchesPerSend { return }
        while !outputClosed && (pending.count >= config.batchLines || (all && !pending.isEmpty)) {
            var batches: [LineBatch] = []
            var commits: [[PendingBatch.Commit]] = []
            while batches.count < TailLoop.batchesPerSend && (pending.count >= config.batchLines || (all && !pending.isEmpty)) {
                let (lines, completed) = pending.take(config.batchLines)
                batches.append(lines)
                commits.append(completed)
            }
            let accepted = await output.send(contentsOf: batches)
            for i in 0..<accepted { sent(batches[i], commits[i]) }
            if accepted < batches.count {
                outputClosed = true
                logger.info("output closed, tail source stopping")
                return
            }
        }
    }

    /// Counts a batch the output accepted and advances the checkpoints it completes.
    private func sent(_ lines: LineBatch, _ commits: [PendingBatch.Commit]) {
        metrics.lines.increment(by: lines.count)
        for c in commits {
            if acks != nil { noteSent(c.streamID, c.offset) }
            if c.file.generation == c.generation && c.offset > c.file.committedOffset {
                c.file.committedOffset = c.offset
                checkpointDirty = true
            }
        }
    }

    private func noteSent(_ stream: String, _ offset: Int64) {
        if let old = sent[stream], old >= offset { return }
        if sent[stream] == nil && sent.count >= TailLoop.maxSentStreams, let acks {
            pruneAcknowledged(acks)
            if sent.count >= TailLoop.maxSentStreams, let victim = sent.keys.first {
                // Only the shutdown wait uses this; forgetting a stream makes it wait less.
                sent.removeValue(forKey: victim)
                warnOnce("sent-limit", "too many unacknowledged streams tracked, oldest forgotten for the shutdown wait")
            }
        }
        sent[stream] = offset
    }

    func updateGauges() {
        metrics.filesWatched.set(active.count + draining.count + compressed.count)
        var lag: Int64 = 0
        for f in active.values { lag += max(0, f.size - f.committedOffset) }
        for f in draining { lag += max(0, f.size - f.readOffset) }
        metrics.lagBytes.set(Double(lag))
        if ledger.evictions > reportedEvictions {
            metrics.stateEvictions.increment(by: ledger.evictions - reportedEvictions)
            reportedEvictions = ledger.evictions
        }
    }

    /// Logs `message` once per `key` (until forgotten).
    func warnOnce(_ key: String, _ message: @autoclosure () -> Logger.Message, _ metadata: Logger.Metadata = [:]) {
        if warned.insert(key) { logger.warning(message(), metadata: metadata) }
    }
}
