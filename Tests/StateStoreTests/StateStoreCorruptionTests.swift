import FaultMavenCore
import Foundation
import GRDB
import Testing
@testable import StateStore

@Suite struct StateStoreCorruptionTests {
    @Test func garbageFileIsACorruptError() throws {
        let dir = try TemporaryDirectory()
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) })
        try garbage.write(to: URL(fileURLWithPath: dir.databasePath))
        let error = #expect(throws: StateStoreError.self) { try StateStore(stateDirectory: dir.path, metrics: MetricsRegistry()) }
        #expect(error?.kind == .corrupt)
        #expect(error?.operation == "open")
        #expect(error?.description.hasPrefix("state database \(dir.databasePath): open: ") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.databasePath)) == garbage)
    }

    @Test func damagedPagesAreACorruptError() async throws {
        let dir = try TemporaryDirectory()
        var config = StateStoreConfig()
        config.maxTurnsPerSession = 1_000
        let store = try StateStore(stateDirectory: dir.path, config: config, metrics: MetricsRegistry())
        _ = try await store.openSession(id: "s")
        for i in 0..<200 {
            _ = try await store.appendTurn(sessionID: "s", question: String(repeating: "q\(i) ", count: 50), answer: "a", provider: "p")
        }
        try store.close()
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: dir.databasePath))
        let size = try handle.seekToEnd()
        #expect(size > 16_384)
        try handle.seek(toOffset: size / 2)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 8192))
        try handle.close()
        let error = #expect(throws: StateStoreError.self) { try StateStore(stateDirectory: dir.path, metrics: MetricsRegistry()) }
        #expect(error?.kind == .corrupt)
        #expect(error?.path == dir.databasePath)
    }

    @Test func aDirectoryInPlaceOfTheFileIsUnavailable() throws {
        let dir = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.databasePath, withIntermediateDirectories: false)
        let error = #expect(throws: StateStoreError.self) { try StateStore(stateDirectory: dir.path, metrics: MetricsRegistry()) }
        #expect(error?.kind == .unavailable)
        #expect(error?.description.contains("directory") == true)
    }

    @Test func aMissingParentDirectoryIsUnavailable() throws {
        let dir = try TemporaryDirectory()
        let path = (dir.path as NSString).appendingPathComponent("missing/faultmaven.sqlite")
        let error = #expect(throws: StateStoreError.self) { try StateStore(path: path, metrics: MetricsRegistry()) }
        #expect(error?.kind == .unavailable)
        #expect(error?.path == path)
    }

    @Test func emptyFileBecomesANewDatabase() async throws {
        let dir = try TemporaryDirectory()
        #expect(FileManager.default.createFile(atPath: dir.databasePath, contents: Data()))
        let store = try StateStore(stateDirectory: dir.path, metrics: MetricsRegistry())
        #expect(try await store.openSession(id: "s").id == "s")
        try store.close()
    }
}

@Suite struct StateStoreOwnershipTests {
    @Test func anotherProgramsDatabaseIsRefusedAndLeftAlone() throws {
        let dir = try TemporaryDirectory()
        let foreign = try DatabaseQueue(path: dir.databasePath)
        try foreign.write { db in try db.execute(sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)") }
        try foreign.close()
        let error = #expect(throws: StateStoreError.self) { try StateStore(stateDirectory: dir.path, metrics: MetricsRegistry()) }
        #expect(error?.kind == .corrupt)
        #expect(error?.message.contains("another program") == true)
        let tables = try DatabaseQueue(path: dir.databasePath).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        #expect(tables == ["notes"])
    }

    @Test func aDatabaseFromANewerSchemaIsRefused() throws {
        let dir = try TemporaryDirectory()
        try StateStore(stateDirectory: dir.path, metrics: MetricsRegistry()).close()
        let queue = try DatabaseQueue(path: dir.databasePath)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')") }
        try queue.close()
        let error = #expect(throws: StateStoreError.self) { try StateStore(stateDirectory: dir.path, metrics: MetricsRegistry()) }
        #expect(error?.kind == .corrupt)
        #expect(error?.message.contains("newer FaultMaven") == true)
    }

    @Test func fts5IsAvailableOnThisSQLite() throws {
        let queue = try DatabaseQueue()
        let hits = try queue.write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE t USING fts5(body)")
            try db.execute(sql: "INSERT INTO t (body) VALUES ('connection refused'), ('disk full')")
            return try String.fetchAll(db, sql: "SELECT body FROM t WHERE t MATCH 'refused'")
        }
        #expect(hits == ["connection refused"])
    }
}
