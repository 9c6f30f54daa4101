import Foundation

/// A fresh directory under the system temp folder, removed when released.
final class TemporaryDirectory: Sendable {
    let path: String

    init() throws {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("statestore-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// The default database file inside it.
    var databasePath: String { (path as NSString).appendingPathComponent("faultmaven.sqlite") }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
