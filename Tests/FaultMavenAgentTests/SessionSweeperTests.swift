import FaultMavenCore
import Foundation
import StateStore
import Synchronization
import Testing
import Troubleshooting
@testable import FaultMavenAgent

@Suite struct SessionSweeperTests {
    @Test func expiredSessionsAreDeletedWithoutAnyRequest() async throws {
        let directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("sweeper-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let clock = Mutex(Date(timeIntervalSince1970: 1_000_000))
        var config = StateStoreConfig()
        config.sessionIdleTimeout = 60
        let metrics = MetricsRegistry()
        let state = try StateStore(stateDirectory: directory, config: config, metrics: metrics, now: { clock.withLock { $0 } })
        defer { try? state.close() }
        let sessions = SessionStore(state: state)
        _ = try await sessions.open("idle")
        clock.withLock { $0 = $0.addingTimeInterval(61) }
        _ = try await sessions.open("busy")

        let sweeper = SessionSweeper(sessions: sessions, interval: .milliseconds(20), logger: .init(label: "test"))
        let task = Task { try await sweeper.run() }
        defer { task.cancel() }
        let deadline = Date().addingTimeInterval(60)
        while metrics.value("faultmaven_sessions_expired_total") ?? 0 < 1, Date() < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(metrics.value("faultmaven_sessions_expired_total") == 1)
        #expect(try await state.turns(sessionID: "idle").isEmpty)
        #expect(try await sessions.get("busy") != nil)
        #expect(try await sessions.count() == 1)
    }

    @Test func theIntervalIsAQuarterOfTheTimeoutWithinBounds() {
        #expect(SessionSweeper.interval(for: 1800) == .seconds(60))
        #expect(SessionSweeper.interval(for: 120) == .seconds(30))
        #expect(SessionSweeper.interval(for: 0.5) == .seconds(1))
    }
}
