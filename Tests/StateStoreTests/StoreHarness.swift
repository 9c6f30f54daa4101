import FaultMavenCore
import Foundation
@testable import StateStore

/// A store on a real file in a temp directory, with a manual clock and its own metrics.
struct StoreHarness {
    let directory: TemporaryDirectory
    let clock: ManualClock
    let metrics: MetricsRegistry
    let config: StateStoreConfig
    let store: StateStore

    init(config: StateStoreConfig = StateStoreConfig()) throws {
        directory = try TemporaryDirectory()
        clock = ManualClock()
        metrics = MetricsRegistry()
        self.config = config
        store = try StateStore(stateDirectory: directory.path, config: config, metrics: metrics, now: clock.source)
    }

    /// Closes the store and opens the same file again (same clock, fresh metrics).
    func reopened() throws -> StateStore {
        try store.close()
        return try StateStore(path: directory.databasePath, config: config, metrics: MetricsRegistry(), now: clock.source)
    }

    func evicted(_ table: String) -> Double {
        metrics.value("faultmaven_state_evicted_total", [table]) ?? 0
    }
}
