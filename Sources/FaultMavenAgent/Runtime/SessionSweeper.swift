import Logging
import ServiceLifecycle
import Troubleshooting

/// Deletes expired troubleshooting sessions from the state database every `interval`, so idle
/// sessions go even when nobody opens a new one. Stops at graceful shutdown.
struct SessionSweeper: Service {
    let sessions: SessionStore
    let interval: Duration
    let logger: Logger

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                while true {
                    try await Task.sleep(for: interval)
                    await sweep()
                }
            }
        } catch is CancellationError {
            return
        }
    }

    /// One sweep; a database failure is logged and the next sweep tries again.
    func sweep() async {
        do {
            let n = try await sessions.sweepExpired()
            if n > 0 { logger.debug("expired idle sessions", metadata: ["sessions": "\(n)"]) }
        } catch {
            logger.warning("session sweep failed", metadata: ["error": "\(error)"])
        }
    }

    /// A quarter of the idle timeout, between 1 s and 60 s.
    static func interval(for idleTimeout: Double) -> Duration {
        .milliseconds(Int64(min(60, max(1, idleTimeout / 4)) * 1000))
    }
}
