import FaultMavenCore
import Foundation
import StateStore

/// A state database in a fresh temp directory; `remove()` closes it and deletes the directory.
final class TestState: Sendable {
    let directory: String
    let store: StateStore

    init() throws {
        directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("queryserver-\(UUID().uuidString)")
        store = try StateStore(stateDirectory: directory, metrics: MetricsRegistry())
    }

    func remove() {
        try? store.close()
        try? FileManager.default.removeItem(atPath: directory)
    }
}
