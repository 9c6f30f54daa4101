import FaultMavenCore
import Logging

/// The task that sends a buffer's chunks, one at a time, with retries and the dead letter.
struct DeliveryLoop: Sendable {
    let buffer: ShipBuffer
    let output: any Output
    let policy: RetryPolicy
    let metrics: ShipMetrics
    let deadLetter: DeadLetterFile?
    let logger: Logger

    func run() async {
        var random = SystemRandomNumberGenerator()
        while let chunk = await buffer.nextChunk() {
            let outcome = await deliver(chunk, random: &random)
            await buffer.finish(chunk, outcome)
        }
    }

    /// Sends `chunk` until it is delivered, permanently refused, out of retries, or the buffer closes.
    func deliver(_ chunk: ShipChunk, random: inout some RandomNumberGenerator) async -> ShipBuffer.Outcome {
        let clock = ContinuousClock()
        var failures = 0
        var firstFailure: ContinuousClock.Instant?
        while true {
            let error: OutputError
            do {
                return .delivered(wireBytes: try await output.send(chunk.with(attempt: failures + 1)))
            } catch let e as OutputError {
                error = e
            } catch let other {
                error = .retryable("output \(output.name): \(other)")
            }
            metrics.failures.increment()
            failures += 1
            let started = firstFailure ?? clock.now
            firstFailure = started
            guard case .retryable(let after) = error.disposition else {
                giveUp(chunk, reason: "refused: \(error.message)")
                return .deadLettered
            }
            guard await buffer.isRunning else {
                logger.warning("output \(output.name): chunk \(chunk.id) not delivered at shutdown: \(error.message)")
                return .abandoned
            }
            guard let wait = policy.delay(failures: failures, elapsed: clock.now - started, retryAfter: after, random: &random) else {
                giveUp(chunk, reason: "retries exhausted after \(failures) attempts: \(error.message)")
                return .deadLettered
            }
            logger.notice("output \(output.name): chunk \(chunk.id) failed (attempt \(failures)), retrying in \(wait): \(error.message)")
            guard await buffer.pause(wait) else { return .abandoned }
            metrics.retries.increment()
        }
    }

    private func giveUp(_ chunk: ShipChunk, reason: String) {
        ShipBuffer.deadLetter(chunk.records, tag: chunk.tag, reason: reason, file: deadLetter, metrics: metrics, logger: logger, output: output.name)
    }
}
