import FaultMavenCore
import Foundation
import Glibc
import Logging

/// The reader thread's loop and its state; created and used on that thread only (see
/// ``JournalReaderThread``).
final class JournalReaderLoop {
    private let config: JournalConfig
    private let storedCursor: String?
    private let control: JournalControl
    private let batches: AsyncThrowingStream<JournalBatch, Error>.Continuation
    private let metrics: JournalMetrics
    private let logger: Logger
    private let acknowledgements: Acknowledgements?
    private let cursorFile: JournalCursorFile?
    private let decoder: JournalEntryDecoder
    private let waitMicroseconds: UInt64

    /// Sequence number of the last entry read in this run.
    private var seq: Int64 = 0
    private var lastCursor = ""
    private var writtenVersion = 0
    private var lastWrite: ContinuousClock.Instant?
    /// Errors already logged (errno or message), so a recurring failure is logged once.
    private var loggedErrors: Set<String> = []

    init(
        config: JournalConfig, storedCursor: String?, control: JournalControl,
        batches: AsyncThrowingStream<JournalBatch, Error>.Continuation, metrics: JournalMetrics, logger: Logger,
        acknowledgements: Acknowledgements?
    ) {
        self.config = config
        self.storedCursor = storedCursor
        self.control = control
        self.batches = batches
        self.metrics = metrics
        self.logger = logger
        self.acknowledgements = acknowledgements
        self.cursorFile = config.cursorFile.map { JournalCursorFile(path: $0) }
        self.decoder = JournalEntryDecoder(config: config, metrics: metrics)
        self.waitMicroseconds = UInt64(config.waitInterval * 1_000_000)
    }

    /// Reads until told to stop, then keeps the cursor file current until told to finish,
    /// writes it a last time and finishes `batches`.
    func run() {
        do {
            try read()
        } catch {
            // Ends the async side's loop at once; it then asks this thread to finish.
            control.requestStop()
            batches.finish(throwing: error)
        }
        while !control.finishRequested.load(ordering: .acquiring) {
            maintainCursor(force: false)
            usleep(UInt32(min(waitMicroseconds, 50_000)))
        }
        maintainCursor(force: true)
        batches.finish()
    }

    private func read() throws {
        guard let (handle, appearedLate) = try openWaiting() else { return }
        handle.setDataThreshold(config.dataThreshold)
        try handle.addMatches(config.matches)
        var onUnreadEntry = try position(handle, appearedLate: appearedLate)
        while !control.isStopping {
            var batch = JournalBatch()
            var caughtUp = false
            batch.lines.reserveCapacity(min(config.batchSize, 1024))
            while batch.count < config.batchSize {
                if onUnreadEntry {
                    onUnreadEntry = false
                } else {
                    let r = handle.next()
                    if r < 0 { noteError("read", SystemError.message(-r)) }
                    if r <= 0 {
                        caughtUp = true
                        break
                    }
                }
                seq += 1
                let line = decoder.decode(handle, seq: seq, readAt: Date())
                if let c = handle.cursor() { lastCursor = c } else { noteError("cursor", "entry without cursor") }
                batch.append(line, cursor: lastCursor)
            }
            if !batch.isEmpty && !deliver(batch) { break }
            if caughtUp {
                let r = handle.wait(microseconds: waitMicroseconds)
                if r < 0 {
                    noteError("wait", SystemError.message(-r))
                    usleep(UInt32(min(waitMicroseconds, 250_000)))
                }
            }
            maintainCursor(force: false)
        }
    }

    /// Opens the journal, waiting (and logging once) while its path does not exist.
    /// `appearedLate` tells that it did not exist at first. `nil` when stopped while waiting.
    private func openWaiting() throws -> (JournalHandle, appearedLate: Bool)? {
        var waited = false
        while !control.isStopping {
            let handle = try config.files.map { try JournalHandle.open(files: $0) } ?? JournalHandle.open(directory: config.path)
            if let handle { return (handle, waited) }
            if !waited {
                logger.notice("journal path does not exist yet; waiting for it", metadata: ["source": "\(config.sourceID)", "path": "\(config.path)"])
                waited = true
            }
            for _ in 0..<4 where !control.isStopping { usleep(UInt32(min(waitMicroseconds, 250_000))) }
        }
        return nil
    }

    /// Places the handle where reading starts. Returns `true` when the handle already stands on
    /// the first entry to emit (a stored cursor that matched no entry: that entry is not skipped).
    private func position(_ handle: JournalHandle, appearedLate: Bool) throws -> Bool {
        if let cursor = storedCursor {
            if handle.seek(cursor: cursor) {
                guard handle.next() > 0 else { return false }
                if handle.currentMatches(cursor: cursor) { return false }
                metrics.cursorMismatches.increment()
                logger.warning(
                    "stored journal cursor names no entry any more (vacuumed?); resuming at the nearest later entry",
                    metadata: ["source": "\(config.sourceID)", "cursor_file": "\(config.cursorFile ?? "")"])
                return true
            }
            metrics.cursorMismatches.increment()
            logger.warning(
                "stored journal cursor is malformed; ignoring it", metadata: ["source": "\(config.sourceID)", "cursor_file": "\(config.cursorFile ?? "")"])
        }
        if config.readFromHead || appearedLate {
            try handle.seekHead()
            return false
        }
        try handle.seekTail()
        // An empty journal has no tail entry: entries that appear later are all new.
        if handle.previous() <= 0 { try handle.seekHead() }
        return false
    }

    /// Hands a batch to the async side, waiting for a credit. `false` when stopping.
    private func deliver(_ batch: JournalBatch) -> Bool {
        while true {
            if control.isStopping { return false }
            if control.credits.take(timeout: config.waitInterval) { break }
        }
        if case .terminated = batches.yield(batch) { return false }
        return true
    }

    /// Folds in acknowledgements and writes the committed cursor when it changed and a write is
    /// due (always when `force`).
    private func maintainCursor(force: Bool) {
        if let acks = acknowledgements, let acked = acks.position(of: config.streamID) {
            control.tracker.withLock { $0.acknowledge(upTo: acked) }
        }
        guard let file = cursorFile else { return }
        let (cursor, version) = control.tracker.withLock { ($0.committed, $0.version) }
        guard version != writtenVersion, let cursor, !cursor.isEmpty else { return }
        let now = ContinuousClock.now
        if !force, let lastWrite, now - lastWrite < .milliseconds(Int(config.cursorWriteInterval * 1000)) { return }
        lastWrite = now
        do {
            try file.save(cursor)
            writtenVersion = version
            metrics.checkpointWrites.increment()
        } catch {
            noteError("cursor file", "\(error)")
        }
    }

    private func noteError(_ what: String, _ message: String) {
        metrics.readErrors.increment()
        let key = what + ": " + message
        guard loggedErrors.count < 64, loggedErrors.insert(key).inserted else { return }
        logger.warning("journal \(key)", metadata: ["source": "\(config.sourceID)", "path": "\(config.path)"])
    }
}
