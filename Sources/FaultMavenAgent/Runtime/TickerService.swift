import FaultMavenCore
import ServiceLifecycle

/// Sends an empty batch (a tick) to the pipeline every `interval` so time-driven work runs
/// even when no lines arrive. Stops at graceful shutdown, before the pipeline drains.
struct TickerService: Service {
    let channel: BoundedChannel<LineBatch>
    var interval: Duration = .seconds(1)

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                while true {
                    try await Task.sleep(for: interval)
                    guard await channel.send([]) else { return }
                }
            }
        } catch is CancellationError {
            return
        }
    }
}
