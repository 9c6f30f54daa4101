import Foundation
import GRDB

/// Opens the database file: creates it private (0600), checks it is a FaultMaven state database,
/// migrates it, and optionally verifies its pages.
struct StateDatabaseOpener {
    let path: String
    let verify: Bool

    func open() throws -> DatabasePool {
        do {
            try createPrivateFileIfMissing()
            var configuration = Configuration()
            configuration.foreignKeysEnabled = true
            configuration.busyMode = .timeout(10)
            configuration.label = "faultmaven-state"
            let pool = try DatabasePool(path: path, configuration: configuration)
            do {
                try prepare(pool)
            } catch {
                try? pool.close()
                throw error
            }
            return pool
        } catch {
            throw StateStoreError.wrapping(error, path: path, operation: "open")
        }
    }

    private func createPrivateFileIfMissing() throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw StoreFailure(.unavailable, "the path is a directory") }
            return
        }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty && !FileManager.default.fileExists(atPath: directory) {
            throw StoreFailure(.unavailable, "directory \(directory) does not exist")
        }
        if !FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) {
            throw StoreFailure(.unavailable, "cannot create the file (check permissions of \(directory))")
        }
    }

    private func prepare(_ pool: DatabasePool) throws {
        let migrator = StateSchema.migrator
        try pool.writeWithoutTransaction { db in
            try checkOwnership(db, migrator)
            if verify { try quickCheck(db) }
        }
        try migrator.migrate(pool)
    }

    private func checkOwnership(_ db: Database, _ migrator: DatabaseMigrator) throws {
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        if applicationID == 0 && tables.isEmpty { return }
        guard applicationID == StateSchema.applicationID else {
            throw StoreFailure(.corrupt, "the file is a SQLite database of another program (application_id \(applicationID))")
        }
        if try migrator.hasBeenSuperseded(db) {
            let applied = try migrator.appliedIdentifiers(db).sorted().joined(separator: ", ")
            throw StoreFailure(.corrupt, "the database was written by a newer FaultMaven (schema versions \(applied))")
        }
    }

    private func quickCheck(_ db: Database) throws {
        let results = try String.fetchAll(db, sql: "PRAGMA quick_check(5)")
        if results != ["ok"] {
            let detail = results.joined(separator: "; ").split(whereSeparator: \.isNewline).joined(separator: "; ")
            throw StoreFailure(.corrupt, "the database file is damaged: \(detail)")
        }
    }
}
