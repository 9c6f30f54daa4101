/// A destination for sealed chunks (`<match>`'s `@type`): http, file, forward, ...
///
/// Contract, which `ShipBuffer` relies on:
/// - `send` delivers the whole chunk or throws. It is called for one chunk at a time per
///   buffer (never concurrently by the same buffer), in the order chunks were sealed; the same
///   chunk is sent again after a retryable failure, so delivery is at-least-once and an output
///   should make a resend harmless where its protocol allows (`ShipChunk.uniqueID`).
/// - Errors are classified by throwing `OutputError`: `.retryable` (possibly with the wait the
///   receiver asked for) or `.permanent` (the chunk goes to the dead letter at once). Any other
///   error counts as retryable.
/// - `send` must finish on its own (timeouts are the output's job) and should stop promptly
///   when its task is cancelled (shutdown), throwing.
/// - `close` is called once, after the last `send` has returned.
public protocol Output: Sendable {
    /// The output's name in metric labels and log messages (unique among outputs).
    var name: String { get }
    /// Delivers `chunk`; returns the bytes written to the wire/disk (after encoding and compression).
    func send(_ chunk: ShipChunk) async throws -> Int
    /// Releases the output's resources (connections, open files).
    func close() async
}
