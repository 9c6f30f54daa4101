import FaultMavenCore
import Foundation
import Logging

/// Starts the dedicated thread that owns the `sd_journal` handle for its whole life (sd-journal
/// handles must not move between threads, which an actor or task could do).
///
/// The thread opens the journal, positions it, reads entries into batches and yields them into
/// `batches`, taking a credit from ``JournalControl/credits`` per batch so at most a few batches
/// wait for the async side. It also writes the cursor file (at most every
/// ``JournalConfig/cursorWriteInterval`` and once when told to finish), so no file I/O happens on
/// Swift concurrency threads. It finishes `batches` when it exits, with an error if the journal
/// could not be opened.
struct JournalReaderThread: Sendable {
    let config: JournalConfig
    let storedCursor: String?
    let control: JournalControl
    let batches: AsyncThrowingStream<JournalBatch, Error>.Continuation
    let metrics: JournalMetrics
    let logger: Logger
    let acknowledgements: Acknowledgements?

    func start() {
        let thread = Thread { [self] in
            let loop = JournalReaderLoop(
                config: config, storedCursor: storedCursor, control: control, batches: batches, metrics: metrics,
                logger: logger, acknowledgements: acknowledgements)
            loop.run()
            control.markExited()
        }
        thread.name = "journal:" + config.sourceID
        thread.start()
    }
}
