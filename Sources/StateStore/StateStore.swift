import FaultMavenCore
import Foundation
import GRDB

/// FaultMaven's SQLite database under `state_dir`: sessions (turns, data items, feedback), past
/// cases, incidents and the audit log. One file in WAL mode; every write is one transaction; every
/// table is bounded and what is dropped is counted. Safe to share between tasks.
public final class StateStore: Sendable {
    /// The database file name inside `state_dir`.
    public static let fileName = "faultmaven.sqlite"

    /// The database file.
    public let path: String
    public let config: StateStoreConfig
    let pool: DatabasePool
    let metrics: StateMetrics
    let now: @Sendable () -> Date

    /// Opens (creating if needed) `state_dir/faultmaven.sqlite`, creating `stateDirectory` (mode 0700) if missing.
    public convenience init(
        stateDirectory: String, config: StateStoreConfig = StateStoreConfig(), metrics: MetricsRegistry,
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        let path = (stateDirectory as NSString).appendingPathComponent(Self.fileName)
        do {
            try FileManager.default.createDirectory(
                atPath: stateDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            let message = "cannot create directory \(stateDirectory): \(error.localizedDescription)"
            throw StateStoreError(.unavailable, path: path, operation: "open", message: message)
        }
        try self.init(path: path, config: config, metrics: metrics, now: now)
    }

    /// Opens (creating if needed) the database file at `path`, migrating it to the current schema.
    /// Throws `StateStoreError` (`.corrupt` for a damaged or foreign file, `.unavailable` when it cannot be opened).
    public init(
        path: String, config: StateStoreConfig = StateStoreConfig(), metrics: MetricsRegistry,
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        self.path = path
        self.config = config
        self.metrics = StateMetrics(metrics)
        self.now = now
        pool = try StateDatabaseOpener(path: path, verify: config.verifyOnOpen).open()
        let sessions = try readSync("count sessions") { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM session") ?? 0 }
        self.metrics.active.set(sessions)
    }

    /// Closes the database; later calls fail with a clear error. Safe to call twice.
    public func close() throws {
        do { try pool.close() } catch { throw StateStoreError.wrapping(error, path: path, operation: "close") }
    }

    /// Whether `id` is acceptable as a client-chosen session id: 1–128 of `[A-Za-z0-9._-]`.
    public static func isValidSessionID(_ id: String) -> Bool {
        (1...128).contains(id.utf8.count) && id.utf8.allSatisfy { c in
            (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 45 || c == 95 || c == 46
        }
    }

    /// Runs `body` in one write transaction, then applies its effects to the metrics.
    func write<T: Sendable>(
        _ operation: String, _ body: @escaping @Sendable (Database, inout WriteEffects) throws -> T
    ) async throws -> T {
        let outcome: TransactionOutcome<T>
        do {
            outcome = try await pool.write { db in
                var effects = WriteEffects()
                let value = try body(db, &effects)
                return TransactionOutcome(value: value, effects: effects)
            }
        } catch {
            throw StateStoreError.wrapping(error, path: path, operation: operation)
        }
        apply(outcome.effects)
        return outcome.value
    }

    /// Runs `body` in one read transaction.
    func read<T: Sendable>(_ operation: String, _ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(body)
        } catch {
            throw StateStoreError.wrapping(error, path: path, operation: operation)
        }
    }

    private func readSync<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch {
            throw StateStoreError.wrapping(error, path: path, operation: operation)
        }
    }

    private func apply(_ effects: WriteEffects) {
        for (table, n) in effects.evicted { metrics.evicted(table, n) }
        if effects.expired > 0 { metrics.expired.increment(by: effects.expired) }
        if effects.truncated > 0 { metrics.truncated.increment(by: effects.truncated) }
        if let n = effects.sessionCount { metrics.active.set(n) }
    }

    /// Seconds since 1970 for the current clock.
    var nowSeconds: Double { now().timeIntervalSince1970 }

    /// One reading of the clock and the expiry cutoff it implies, in seconds since 1970.
    func clock() -> (now: Double, cutoff: Double) {
        let t = nowSeconds
        return (t, t - config.sessionIdleTimeout)
    }
}
