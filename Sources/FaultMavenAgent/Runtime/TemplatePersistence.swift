import FaultMavenCore
import Foundation
import Logging
import LogParsing
import StateStore

/// Keeps the miner's templates in the state database, so that template ids survive a restart and
/// templates seen before are not new after it. The agent loads them once before the pipeline
/// starts; the pipeline then writes the templates that changed every ``interval`` and once more
/// when it has drained at shutdown. A stored state that cannot be read or does not fit the miner
/// is logged, counted and ignored (the miner starts empty); a failed write is logged, counted and
/// retried at the next pass.
struct TemplatePersistence: Sendable {
    /// Seconds between two writes of the changed templates.
    static let interval: TimeInterval = 15

    let store: StateStore
    let logger: Logger
    private let writes: Counter
    private let restored: Counter
    private let errors: Counter

    init(store: StateStore, metrics: MetricsRegistry, logger: Logger) {
        self.store = store
        self.logger = logger
        writes = metrics.counter(
            "faultmaven_template_store_writes_total", help: "Templates written to the state database (new or changed).")
        restored = metrics.counter(
            "faultmaven_templates_restored_total", help: "Templates loaded from the state database at start-up.")
        errors = metrics.counter(
            "faultmaven_template_store_errors_total",
            help: "Template loads and writes that failed, and stored template states ignored as damaged or incompatible.")
    }

    /// The templates as last written, by their own id: the next write stores only what differs.
    typealias Written = [Int: StoredTemplate]

    /// A miner as loaded at start-up, the stored level of each template, and what is stored.
    struct Restored: Sendable {
        var miner: TemplateMiner
        var levels: [Int: Level] = [:]
        var written: Written
    }

    /// A miner with `config` holding the stored templates, and what is stored; an empty miner when
    /// nothing is stored or the stored state is unusable.
    func load(config: TemplateMinerConfig) async -> Restored {
        let records: [TemplateRecord]
        let nextID: Int
        do {
            records = try await store.templates(limit: config.maxTemplates)
            nextID = try await store.templateNextID()
        } catch {
            return ignore("stored templates not readable", error, config: config)
        }
        guard !records.isEmpty || nextID > 1 else { return Restored(miner: TemplateMiner(config: config), written: [:]) }
        let decoder = JSONDecoder()
        let stored: [StoredTemplate]
        do {
            stored = try records.map { try decoder.decode(StoredTemplate.self, from: Data($0.stateJSON.utf8)) }
        } catch {
            return ignore("stored templates not decodable", error, config: config)
        }
        do {
            let miner = try TemplateMiner(config: config, restoring: TemplateMinerState(templates: stored, nextID: nextID))
            restored.increment(by: miner.count)
            logger.info("templates restored", metadata: ["templates": "\(miner.count)", "evicted": "\(miner.evictions)"])
            var levels: [Int: Level] = [:]
            for (record, template) in zip(records, stored) {
                if let level = Level(word: record.level) { levels[template.groupID] = max(levels[template.groupID] ?? level, level) }
            }
            return Restored(
                miner: miner, levels: levels, written: Dictionary(stored.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }))
        } catch {
            return ignore("stored templates do not fit the miner", error, config: config)
        }
    }

    private func ignore(_ what: String, _ error: any Error, config: TemplateMinerConfig) -> Restored {
        errors.increment()
        logger.error("\(what); starting with no templates", metadata: ["database": "\(store.path)", "error": "\(error)"])
        return Restored(miner: TemplateMiner(config: config), written: [:])
    }

    /// Writes the templates of `miner` that differ from `written` (with their level from `levels`,
    /// by reported id), removes those it no longer holds
    /// and stores its next template id, in one transaction; on success `written` becomes what is
    /// stored. (A new id always comes with a new or changed template to write, so the id sequence
    /// is stored whenever it moved.)
    func save(_ miner: TemplateMiner, levels: [Int: Level] = [:], written: inout Written) async {
        await save(miner.exportState(), levels: levels, keep: miner.config.maxTemplates, written: &written)
    }

    /// ``save(_:levels:written:)`` for an exported state; `keep` is the miner's template cap.
    func save(_ state: TemplateMinerState, levels: [Int: Level], keep: Int, written: inout Written) async {
        let changed = state.templates.filter { written[$0.id] != $0 }
        let live = Set(state.templates.map(\.id))
        let removed = written.keys.filter { !live.contains($0) }
        guard !changed.isEmpty || !removed.isEmpty else { return }
        let encoder = JSONEncoder()
        var records: [TemplateRecord] = []
        var saved: [StoredTemplate] = []
        for t in changed {
            guard let data = try? encoder.encode(t), data.count <= StateStore.maxTemplateStateBytes else {
                errors.increment()
                logger.warning("template not stored: its state is too large", metadata: ["template": "\(t.id)"])
                continue
            }
            records.append(TemplateRecord(
                id: t.id, groupID: t.groupID, text: t.text, count: t.count, lastSequence: t.lastSequence,
                level: (levels[t.groupID] ?? .unknown).name, stateJSON: String(decoding: data, as: UTF8.self)))
            saved.append(t)
        }
        do {
            try await store.saveTemplates(records, removed: removed, keep: keep, nextID: state.nextID)
        } catch {
            errors.increment()
            logger.warning("templates not stored; retrying at the next pass", metadata: ["error": "\(error)"])
            return
        }
        writes.increment(by: records.count)
        for id in removed { written[id] = nil }
        for t in saved { written[t.id] = t }
    }
}
