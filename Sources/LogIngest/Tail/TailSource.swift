import FaultMavenCore
import Foundation
import Logging
import ServiceLifecycle

/// Follows files like Fluentd's `in_tail` and sends their lines downstream in batches of
/// ``LineBlock``s (one buffer per run of lines of a stream, no allocation per line).
///
/// - Discovery: ``TailConfig/paths`` are expanded (strftime, glob, excludes) at startup, every
///   ``TailConfig/refreshInterval`` and whenever inotify reports a directory change.
/// - Streams: every block carries its stream id (`origin.streamID` =
///   `"<device>:<inode>:<generation>"`) and each line's position (`positions`: the byte offset
///   just after it, decompressed bytes for `.gz`/`.zst`); `RawLine`s made from a block have them
///   as `streamID` and `position`.
///   The generation grows each time the file is found truncated or replaced in place, so
///   positions of different contents never share a stream.
/// - Start position: a checkpoint (pos_file entry) with the same inode, an offset within the
///   file and (when the sidecar knows it) the same head fingerprint resumes there; anything
///   else means the file was truncated or replaced (an inode reused by another file): it is
///   read from the head and counted as a truncation. Without a checkpoint a file found at
///   startup is read from its end (or head with ``TailConfig/readFromHead``); files appearing
///   later are read from their head, except recognised copies (see docs/TAILING.md).
/// - Following: inotify wakes the loop on writes, renames and new files; polling (`stat`)
///   every ``TailConfig/pollInterval`` alone is sufficient. The loop never blocks a thread.
/// - Rotation: a file renamed away is read on for ``TailConfig/rotateWait`` (and resumable
///   from the pos_file under its new name meanwhile); if its new name matches the patterns it
///   is simply followed there. copytruncate restarts the file as a new stream; a copy or a
///   compressed copy of data already read continues where reading stopped instead of
///   repeating it.
/// - Compressed files (`.gz`, `.zst`, by magic bytes) matching the patterns are read once,
///   start to end, streaming, and remembered in the sidecar `<pos_file>.state`.
/// - Checkpoints: without acknowledgements they advance after `output.send` accepted the
///   batch; with ``Acknowledgements`` they are the acknowledged position of each file's
///   current stream (never more than was read). They are written atomically at most once a
///   second and at shutdown; a graceful shutdown first waits (up to
///   ``TailConfig/shutdownAckTimeout``) until everything sent was acknowledged.
/// - `RawLine.number` is the 1-based line number in the file when the file is read from its
///   head; when reading started elsewhere (its end, a checkpoint) numbers count from 1 there.
public final class TailSource: Service {
    public let config: TailConfig
    private let output: BoundedChannel<LineBatch>
    private let metrics: TailMetrics
    private let logger: Logger
    private let acknowledgements: Acknowledgements?
    private let now: @Sendable () -> Date

    /// - Parameters:
    ///   - config: the source's settings (validated when `run` starts).
    ///   - output: where batches of at most `config.batchLines` lines go (as blocks).
    ///   - metrics: registry for the `faultmaven_source_*` families (label `source` = `sourceID`).
    ///   - logger: warnings for unreadable, binary or skipped files.
    ///   - acknowledgements: when given, checkpoints follow what the pipeline acknowledged
    ///     (`Acknowledgements.acknowledge(_:position:)` with the lines' `streamID` and
    ///     `position`, e.g. through `acknowledge(batch:)`) instead of what was sent.
    ///   - now: wall clock used for strftime fields in paths.
    public init(
        config: TailConfig, output: BoundedChannel<LineBatch>, metrics: MetricsRegistry, logger: Logger,
        acknowledgements: Acknowledgements? = nil, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.config = config
        self.output = output
        self.metrics = TailMetrics(registry: metrics, source: config.sourceID)
        self.logger = logger
        self.acknowledgements = acknowledgements
        self.now = now
    }

    /// Follows the files until the task is cancelled, a graceful shutdown starts or `output`
    /// is finished; then writes the checkpoints and returns. On a graceful shutdown with
    /// acknowledgements it stops reading, sends what is pending and waits for the
    /// acknowledgements before the last checkpoint. Throws for an invalid config or an
    /// unreadable pos_file.
    public func run() async throws {
        try config.validate()
        let loop = TailLoop(config: config, output: output, metrics: metrics, logger: logger, acknowledgements: acknowledgements, now: now)
        try await loop.run()
    }
}
