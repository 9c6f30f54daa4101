import FaultMavenCore
import Foundation
import Logging
import ServiceLifecycle

/// The running state of one ``TailSource``: open files, pending lines, checkpoints, watchers.
/// Lives inside the source's `run` task and is never shared.
final class TailLoop {
    let config: TailConfig
    let output: BoundedChannel<[RawLine]>
    let metrics: TailMetrics
    let logger: Logger
    let now: @Sendable () -> Date
    let clock = ContinuousClock()
    let expander: PathExpander
    let positions: PositionFile?

    /// Sleep step while waiting: bounds the reaction time to inotify events and shutdown.
    static let tick = Duration.milliseconds(50)
    static let readBufferBytes = 64 * 1024
    static let binaryCheckBytes: Int64 = 8 * 1024

    /// The file currently at each concrete path.
    var active: [String: TailedFile] = [:]
    /// Files renamed away, replaced or deleted, read until their deadline.
    var draining: [TailedFile] = []
    /// Checkpoints not (yet) matched to an open file.
    var carried: [String: PositionFile.Entry] = [:]
    var pending = PendingBatch()
    var readBuffer = [UInt8](repeating: 0, count: TailLoop.readBufferBytes)
    var watcher: InotifyWatcher?
    var watchedDirectories: [String: Int32] = [:]
    /// Keys of problems already logged (path + reason).
    var warned = RecentSet<String>(limit: 4096)
    /// Files found binary, never read again while they keep their identity.
    var binaryFiles = RecentSet<FileIdentity>(limit: 4096)
    /// Paths counted as skipped for the open-file limit (counted once until opened).
    var overLimit = RecentSet<String>(limit: 4096)

    /// `output` was finished: nothing more can be sent.
    var outputClosed = false
    var checkpointDirty = false
    var lastCheckpoint: ContinuousClock.Instant?
    var nextRefresh: ContinuousClock.Instant
    var nextPoll: ContinuousClock.Instant

    init(config: TailConfig, output: BoundedChannel<[RawLine]>, metrics: TailMetrics, logger: Logger, now: @escaping @Sendable () -> Date) {
        self.config = config
        self.output = output
        self.metrics = metrics
        var logger = logger
        logger[metadataKey: "source"] = "\(config.sourceID)"
        self.logger = logger
        self.now = now
        self.expander = PathExpander(patterns: config.paths, excludes: config.excludePaths)
        self.positions = config.posFile.map { PositionFile(path: $0) }
        nextRefresh = clock.now
        nextPoll = clock.now
    }

    var shouldStop: Bool { outputClosed || Task.isCancelled || Task.isShuttingDownGracefully }

    func run() async throws {
        if let positions {
            let (entries, skipped) = try positions.load()
            carried = entries
            if skipped > 0 {
                logger.warning("pos_file has unusable lines, ignored", metadata: ["pos_file": "\(positions.path)", "lines": "\(skipped)"])
            }
        }
        startWatcher()
        refresh(startup: true)
        var scope: Set<String>? = nil
        while !shouldStop {
            await service(scope)
            await flush(all: true)
            if shouldStop { break }
            updateGauges()
            saveCheckpoints(force: false)
            let busy = active.values.filter(\.hasMore).map(\.path)
            let (next, rescan): (Set<String>?, Bool)
            if busy.isEmpty && !draining.contains(where: \.hasMore) {
                (next, rescan) = await waitForWork(sleep: true)
            } else {
                // More to read: let other tasks run, pick up other work, keep going.
                await Task.yield()
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
            if checkpointDirty, let last = lastCheckpoint, t - last >= .seconds(1) { return ([], false) }
            if !sleep { return ([], false) }
            try? await Task.sleep(for: TailLoop.tick)
        }
        return ([], false)
    }

    /// Last reads of rotated files (graceful stop only), final send, checkpoints, close.
    private func shutdown() async {
        if !Task.isCancelled && !outputClosed {
            for file in draining { file.drainDeadline = clock.now }
            var rounds = 0
            repeat {
                await serviceDraining()
                rounds += 1
            } while !draining.isEmpty && !outputClosed && rounds < 10_000
            await flush(all: true)
        }
        saveCheckpoints(force: true)
        for file in active.values { if let wd = file.watch { watcher?.remove(wd) } }
        active.removeAll()
        draining.removeAll()
        updateGauges()
    }

    /// Sends full batches (or everything with `all`) and advances the checkpoints they complete.
    func flush(all: Bool) async {
        while !outputClosed && (pending.count >= config.batchLines || (all && !pending.isEmpty)) {
            let (lines, commits) = pending.take(config.batchLines)
            guard await output.send(lines) else {
                outputClosed = true
                logger.info("output closed, tail source stopping")
                return
            }
            metrics.lines.increment(by: lines.count)
            for c in commits where c.file.generation == c.generation && c.offset > c.file.committedOffset {
                c.file.committedOffset = c.offset
                checkpointDirty = true
            }
        }
    }

    func updateGauges() {
        metrics.filesWatched.set(active.count + draining.count)
        var lag: Int64 = 0
        for f in active.values { lag += max(0, f.size - f.committedOffset) }
        for f in draining { lag += max(0, f.size - f.readOffset) }
        metrics.lagBytes.set(Double(lag))
    }

    /// Logs `message` once per `key` (until forgotten).
    func warnOnce(_ key: String, _ message: @autoclosure () -> Logger.Message, _ metadata: Logger.Metadata = [:]) {
        if warned.insert(key) { logger.warning(message(), metadata: metadata) }
    }
}
