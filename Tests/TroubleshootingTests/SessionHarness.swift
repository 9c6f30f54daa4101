import FaultMavenCore
import Foundation
import LogAnalysis
import StateStore
import Troubleshooting

/// A session store on a real database file in a fresh temp directory, with a manual clock.
/// The directory is removed when the harness is released.
final class SessionHarness: Sendable {
    let directory: String
    let clock = ManualClock()
    let metrics = MetricsRegistry()
    let config: StateStoreConfig
    let state: StateStore

    init(idleTimeout: TimeInterval = 30 * 60) throws {
        directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("sessions-\(UUID().uuidString)")
        var config = StateStoreConfig()
        config.sessionIdleTimeout = idleTimeout
        self.config = config
        let clock = clock
        state = try StateStore(stateDirectory: directory, config: config, metrics: metrics, now: { clock.now() })
    }

    var sessions: SessionStore { SessionStore(state: state) }

    /// Closes the database and opens the same file again, as a restarted agent would.
    func reopened() throws -> SessionStore {
        try state.close()
        let clock = clock
        return SessionStore(state: try StateStore(
            stateDirectory: directory, config: config, metrics: MetricsRegistry(), now: { clock.now() }))
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }
}

/// Submitted lines become templates (the line itself, `ERROR` when it says so); no anomalies.
struct LinesAsTemplates: LiveAnalysis {
    var anomalies: [Anomaly] = []

    func liveContext() async -> LiveContext { LiveContext(anomalies: anomalies) }

    func digest(lines: [String], label: String) async -> LogDigest {
        let errors = lines.filter { $0.contains("ERROR") }
        return LogDigest(
            lines: lines.count, events: lines.count, levels: ["ERROR": errors.count], errorSamples: Array(errors.prefix(5)),
            templates: lines.map { .init(template: $0, count: 1, level: $0.contains("ERROR") ? "ERROR" : "INFO") },
            anomalies: [])
    }
}
