import FaultMavenCore
import Foundation
import Logging
import ServiceLifecycle

/// Follows files like Fluentd's `in_tail` and sends their lines downstream in batches.
///
/// - Discovery: ``TailConfig/paths`` are expanded (strftime, glob, excludes) at startup, every
///   ``TailConfig/refreshInterval`` and whenever inotify reports a directory change.
/// - Start position: a checkpoint (pos_file entry) with the same inode and an offset within the
///   file resumes there; a checkpoint with another inode or an offset past the end means the
///   file was replaced or truncated: it is read from the head and counted as a truncation.
///   Without a checkpoint a file found at startup is read from its end (or head with
///   ``TailConfig/readFromHead``); files appearing later are read from their head.
/// - Following: inotify wakes the loop on writes, renames and new files; polling (`stat`)
///   every ``TailConfig/pollInterval`` alone is sufficient. The loop never blocks a thread:
///   it checks inotify without blocking and sleeps in short steps.
/// - Identity is device + inode, with a fingerprint of the first KiB to spot a file truncated
///   and rewritten past the old offset. A rename rotation keeps reading the old file for
///   ``TailConfig/rotateWait`` and reads the new file from its head; a deleted file is read to
///   its end and closed; a file shorter than the read offset was truncated: read from 0.
/// - Checkpoints advance only after `output.send` accepted the batch holding the lines; they
///   are written atomically at most once a second and at shutdown.
/// - `RawLine.number` is the 1-based line number in the file when the file is read from its
///   head; when reading started elsewhere (its end, a checkpoint) numbers count from 1 there.
public final class TailSource: Service {
    public let config: TailConfig
    private let output: BoundedChannel<[RawLine]>
    private let metrics: TailMetrics
    private let logger: Logger
    private let now: @Sendable () -> Date

    /// - Parameters:
    ///   - config: the source's settings (validated when `run` starts).
    ///   - output: where batches of at most `config.batchLines` lines go.
    ///   - metrics: registry for the `faultmaven_source_*` families (label `source` = `sourceID`).
    ///   - logger: warnings for unreadable, binary or skipped files.
    ///   - now: wall clock used for strftime fields in paths.
    public init(
        config: TailConfig, output: BoundedChannel<[RawLine]>, metrics: MetricsRegistry, logger: Logger,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.config = config
        self.output = output
        self.metrics = TailMetrics(registry: metrics, source: config.sourceID)
        self.logger = logger
        self.now = now
    }

    /// Follows the files until the task is cancelled, a graceful shutdown starts or `output`
    /// is finished; then writes the checkpoints and returns. Throws for an invalid config or
    /// an unreadable pos_file.
    public func run() async throws {
        try config.validate()
        let loop = TailLoop(config: config, output: output, metrics: metrics, logger: logger, now: now)
        try await loop.run()
    }
}
