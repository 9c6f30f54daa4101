import FaultMavenCore
import Foundation
import Logging
import ServiceLifecycle

/// Reads the systemd journal through libsystemd's sd-journal, like fluent-plugin-systemd's
/// `<source> @type systemd`, and sends structured lines downstream in batches.
///
/// - A dedicated thread owns the `sd_journal` handle (sd-journal handles must stay on one
///   thread); it follows with `sd_journal_wait` in steps of ``JournalConfig/waitInterval``, so
///   stopping is prompt. Directory mode sees files that are rotated in, and files vacuumed
///   while reading do not stop the source. A journal path that does not exist yet is waited
///   for (logged once) and then read from its head.
/// - Each entry becomes a `RawLine` with `text` = MESSAGE, `level` from PRIORITY, `time` from
///   the realtime timestamp, `fields` after the `<entry>` options (see ``JournalEntryDecoder``),
///   `streamID` = `journal:<sourceID>`, `position` = `number` = a sequence number counted from
///   1 in each run, `path` = the configured path.
/// - The cursor file holds the cursor of the last entry that cannot be lost any more: the last
///   entry accepted by `output`, or with `acknowledgements` the last entry the pipeline
///   acknowledged. It is written atomically at most every ``JournalConfig/cursorWriteInterval``
///   and at shutdown. A restart seeks to it and skips exactly that entry (checked with
///   `sd_journal_test_cursor`); if the entry is gone, nothing is skipped and the mismatch is
///   counted. Graceful restarts neither repeat nor lose entries.
/// - At graceful shutdown the source stops reading, waits up to
///   ``JournalConfig/shutdownAckTimeout`` for the acknowledgement of everything it sent, and
///   stores the cursor.
public final class JournalSource: Service {
    public let config: JournalConfig
    private let output: BoundedChannel<LineBatch>
    private let metrics: JournalMetrics
    private let logger: Logger
    private let acknowledgements: Acknowledgements?

    /// - Parameters:
    ///   - config: the source's settings (validated when `run` starts).
    ///   - output: where batches of at most `config.batchSize` lines go.
    ///   - metrics: registry for the source families (label `source` = `config.sourceID`).
    ///   - logger: notices and warnings (missing journal, stale cursor, read errors).
    ///   - acknowledgements: when given, the stored cursor follows the pipeline's
    ///     acknowledgements of `config.streamID` instead of `output` acceptance.
    public init(
        config: JournalConfig, output: BoundedChannel<LineBatch>, metrics: MetricsRegistry, logger: Logger,
        acknowledgements: Acknowledgements? = nil
    ) {
        self.config = config
        self.output = output
        self.metrics = JournalMetrics(registry: metrics, source: config.sourceID)
        self.logger = logger
        self.acknowledgements = acknowledgements
    }

    /// Reads the journal until a graceful shutdown starts, the task is cancelled or `output` is
    /// finished; then stores the cursor and returns. Throws for an invalid config, an unreadable
    /// cursor file or a journal that exists but cannot be opened.
    public func run() async throws {
        try config.validate()
        let stored = try config.cursorFile.flatMap { try JournalCursorFile(path: $0).load() }
        acknowledgements?.reset(config.streamID)
        let tracker = JournalCursorTracker(
            limit: config.maxPendingCursors, usesAcknowledgements: acknowledgements != nil, stored: stored)
        let control = JournalControl(credits: 2, tracker: tracker)
        let (batches, continuation) = AsyncThrowingStream.makeStream(of: JournalBatch.self, throwing: Error.self)
        continuation.onTermination = { _ in control.requestStop() }
        JournalReaderThread(
            config: config, storedCursor: stored, control: control, batches: continuation, metrics: metrics,
            logger: logger, acknowledgements: acknowledgements
        ).start()
        do {
            try await withGracefulShutdownHandler {
                try await forward(batches, control: control)
            } onGracefulShutdown: {
                control.requestStop()
                continuation.finish()
            }
        } catch {
            await stop(control, waitForAcknowledgements: false)
            throw error
        }
        await stop(control, waitForAcknowledgements: !Task.isCancelled)
    }

    /// Sends the reader's batches to `output` and records what was accepted.
    private func forward(_ batches: AsyncThrowingStream<JournalBatch, Error>, control: JournalControl) async throws {
        for try await batch in batches {
            if control.isStopping { break }
            let accepted = await output.send(LineBatch(batch.lines))
            control.credits.give()
            guard accepted else { break }
            metrics.lines.increment(by: batch.count)
            var bytes = 0
            for line in batch.lines { bytes += line.text.utf8.count }
            metrics.bytes.increment(by: bytes)
            let evicted = control.tracker.withLock { $0.sent(batch.positions) }
            metrics.pendingCursorEvictions.increment(by: evicted)
        }
    }

    /// Stops the reader; at a graceful stop first waits (bounded) for the acknowledgement of
    /// every entry sent. The reader thread writes the final cursor before it exits.
    private func stop(_ control: JournalControl, waitForAcknowledgements: Bool) async {
        control.requestStop()
        if waitForAcknowledgements, let acks = acknowledgements {
            let target = control.tracker.withLock { $0.lastSentSeq }
            let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int(config.shutdownAckTimeout * 1000)))
            while (acks.position(of: config.streamID) ?? 0) < target && ContinuousClock.now < deadline && !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(20))
            }
            let acked = acks.position(of: config.streamID) ?? 0
            if acked < target {
                logger.warning(
                    "journal entries sent but not acknowledged at shutdown will be read again after a restart",
                    metadata: ["source": "\(config.sourceID)", "unacknowledged": "\(target - acked)"])
            }
        }
        control.requestFinish()
        await control.waitForExit()
    }
}
