import FaultMavenCore
import Foundation
import LogAnalysis
import LogParsing
import StateStore
import Testing

@testable import FaultMavenAgent

/// The miner's templates in a real SQLite file: written only when they change, evictions removed,
/// read back by a new store on the same file (a restart); a bad stored state starts an empty miner.
@Suite struct TemplatePersistenceTests {
    private static func directory() throws -> String {
        let dir = NSTemporaryDirectory() + "fm-templates-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A state database in `dir`, its metrics, and persistence on it.
    private static func open(_ dir: String) throws -> (MetricsRegistry, StateStore, TemplatePersistence) {
        let metrics = MetricsRegistry()
        let store = try StateStore(stateDirectory: dir, metrics: metrics)
        return (metrics, store, TemplatePersistence(store: store, metrics: metrics, logger: .init(label: "test")))
    }

    @Test func templatesSurviveARestartAndOnlyChangesAreWritten() async throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let config = TemplateMinerConfig(maxTemplates: 3)
        var miner = TemplateMiner(config: config)
        for w in ["alpha", "bravo", "charlie"] { _ = miner.add("\(w) subsystem reported state change 1") }

        let (metrics, store, persistence) = try Self.open(dir)
        var written: TemplatePersistence.Written = [:]
        await persistence.save(miner, written: &written)
        #expect(metrics.value("faultmaven_template_store_writes_total", []) == 3)
        await persistence.save(miner, written: &written)  // unchanged: nothing written
        #expect(metrics.value("faultmaven_template_store_writes_total", []) == 3)
        _ = miner.add("bravo subsystem reported state change 2")
        _ = miner.add("delta subsystem reported state change 3")  // evicts alpha (cap 3)
        await persistence.save(miner, written: &written)
        #expect(metrics.value("faultmaven_template_store_writes_total", []) == 5)
        #expect(try await store.templates(limit: 10).count == 3)
        try store.close()

        let restartMetrics = MetricsRegistry()
        let reopened = try StateStore(stateDirectory: dir, metrics: restartMetrics)
        defer { try? reopened.close() }
        let restored = await TemplatePersistence(store: reopened, metrics: restartMetrics, logger: .init(label: "test"))
            .load(config: config)
        #expect(restored.miner.templates == miner.templates)
        #expect(restored.written.count == 3)
        #expect(restartMetrics.value("faultmaven_templates_restored_total", []) == 3)
        #expect(restartMetrics.value("faultmaven_template_store_errors_total", []) == 0)
        var next = restored.miner
        #expect(next.add("echo subsystem reported state change 4").id == (miner.templates.map(\.id).max() ?? 0) + 1)
    }

    @Test func anEvictedTemplatesIdIsNotGivenAgainAfterARestart() async throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var miner = TemplateMiner()
        let words = ["alpha", "bravo", "charlie", "delta"]
        let ids = words.map { miner.add("\($0) subsystem reported state change").id }
        for w in words.prefix(3) { _ = miner.add("\(w) subsystem reported state change") }
        let (_, store, persistence) = try Self.open(dir)
        defer { try? store.close() }
        var written: TemplatePersistence.Written = [:]
        await persistence.save(miner, written: &written)
        // Restarted with a smaller cap: the least recently used template, which has the highest id, is not loaded.
        var restored = await persistence.load(config: TemplateMinerConfig(maxTemplates: 3)).miner
        #expect(restored.templates.map(\.id) == Array(ids.prefix(3)))
        #expect(restored.add("echo subsystem reported state change").id == ids.max()! + 1)
    }

    @Test func levelsAreStoredAndShownForRestoredTemplatesUntilSeenAgain() async throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var processor = RecordProcessor(analysis: AnalysisConfig())
        var refused = LogRecord(source: "a.log", level: .error, message: "connection refused to db-1 after 3 retries")
        var served = LogRecord(source: "a.log", level: .info, message: "served GET /api/orders in 12ms")
        _ = processor.process(&refused, now: Date())
        _ = processor.process(&served, now: Date())
        let (_, store, persistence) = try Self.open(dir)
        defer { try? store.close() }
        var written: TemplatePersistence.Written = [:]
        await persistence.save(processor.miner, levels: processor.levels(), written: &written)
        #expect(Set(try await store.templates(limit: 10).map(\.level)) == ["ERROR", "INFO"])

        let restored = await persistence.load(config: TemplateMinerConfig())
        let refusedID = try #require(refused.templateID)
        #expect(restored.levels == [refusedID: .error, try #require(served.templateID): .info])
        var next = RecordProcessor(analysis: AnalysisConfig(), restoring: restored.miner, levels: restored.levels)
        #expect(next.level(of: refusedID) == .error)
        // Seen again at a lower level: the highest level seen stays.
        var again = LogRecord(source: "b.log", level: .warn, message: "connection refused to db-2 after 5 retries")
        _ = next.process(&again, now: Date())
        #expect(again.templateID == refusedID)
        #expect(next.level(of: refusedID) == .error)
    }

    @Test func theWriterStoresTheNewestStateOffTheCallersTaskAndFinishWaitsForIt() async throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (metrics, store, persistence) = try Self.open(dir)
        defer { try? store.close() }
        let writer = TemplateWriter(persistence: persistence, written: [:])
        var miner = TemplateMiner(config: TemplateMinerConfig(maxTemplates: 50))
        for i in 0..<200 {
            _ = miner.add("job \(["alpha", "bravo", "charlie", "delta"][i % 4])\(i) finished with state \(i % 7)")
            if i % 10 == 0 { await writer.offer(miner.exportState(), levels: [:], keep: 50) }
        }
        await writer.finish(miner.exportState(), levels: [:], keep: 50)
        let final = miner.exportState()
        let stored = try await store.templates(limit: 100)
        #expect(Set(stored.map(\.id)) == Set(final.templates.map(\.id)))
        #expect(await writer.stored == Dictionary(uniqueKeysWithValues: final.templates.map { ($0.id, $0) }))
        #expect(try await store.templateNextID() == final.nextID)
        // Nothing changed since: finishing again writes nothing.
        let writes = metrics.value("faultmaven_template_store_writes_total", [])
        await writer.finish(final, levels: [:], keep: 50)
        #expect(metrics.value("faultmaven_template_store_writes_total", []) == writes)
    }

    @Test func aStoredStateThatCannotBeUsedIsCountedAndIgnored() async throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (metrics, store, persistence) = try Self.open(dir)
        defer { try? store.close() }
        // JSON, but not a template.
        try await store.saveTemplates(
            [TemplateRecord(id: 1, groupID: 1, text: "x", count: 1, lastSequence: 1, stateJSON: #"{"tokens":7}"#)], keep: 10)
        var restored = await persistence.load(config: TemplateMinerConfig())
        #expect(restored.miner.count == 0 && restored.written.isEmpty)
        #expect(metrics.value("faultmaven_template_store_errors_total", []) == 1)
        #expect(restored.miner.add("first message after the restart").id == 1)

        // A template written with another depth does not fit this miner.
        var other = TemplateMiner(config: TemplateMinerConfig(depth: 4))
        _ = other.add("disk quota exceeded for volume data on host")
        var written: TemplatePersistence.Written = [:]
        try await store.saveTemplates([], removed: [1], keep: 10)
        await persistence.save(other, written: &written)
        restored = await persistence.load(config: TemplateMinerConfig())
        #expect(restored.miner.count == 0)
        #expect(metrics.value("faultmaven_template_store_errors_total", []) == 2)
    }
}
