import FaultMavenCore
import Foundation
import LogAnalysis
import LogParsing

/// Templates and analysis for parsed records: the stages after parsing, shared by `run`
/// (wall time) and `analyze` (event time). Owned by one task; not shared.
struct RecordProcessor: Sendable {
    /// What the pipeline knows about a template beyond the miner's count.
    struct TemplateMeta: Sendable {
        var level: Level
        var firstSeen: Date
        var lastSeen: Date
        var sources: [String]
    }

    static let maxSourcesPerTemplate = 8

    var miner: TemplateMiner
    var engine: AnalysisEngine
    private(set) var meta: [Int: TemplateMeta] = [:]
    /// Levels stored with restored templates, until the template is seen again (then in `meta`).
    private var restoredLevels: [Int: Level] = [:]
    private(set) var records = 0

    init(analysis: AnalysisConfig, miner: TemplateMinerConfig = TemplateMinerConfig()) {
        self.miner = TemplateMiner(config: miner)
        self.engine = AnalysisEngine(config: analysis)
    }

    /// Continues with `miner` (restored from the state database, with the stored `levels` of its
    /// templates): its templates were seen before, so the analysis does not take them as new patterns.
    init(analysis: AnalysisConfig, restoring miner: TemplateMiner, levels: [Int: Level] = [:]) {
        self.miner = miner
        self.engine = AnalysisEngine(config: analysis)
        engine.assumeKnown(templateIDs: miner.templates.map(\.id))
        restoredLevels = levels.filter { $0.value != .unknown }
    }

    /// Assigns the record's template and runs the detectors; returns anomalies that opened.
    mutating func process(_ record: inout LogRecord, now: Date) -> [Anomaly] {
        let m = miner.add(record.message)
        record.templateID = m.id
        record.template = m.template
        record.params = m.params
        record.paramNames = m.paramNames
        records += 1
        let t = record.time ?? now
        if var x = meta[m.id] {
            if record.level != .unknown && (x.level == .unknown || record.level > x.level) { x.level = record.level }
            x.lastSeen = max(x.lastSeen, t)
            if x.sources.count < Self.maxSourcesPerTemplate && !x.sources.contains(record.source) { x.sources.append(record.source) }
            meta[m.id] = x
        } else {
            var level = record.level
            if let stored = restoredLevels.removeValue(forKey: m.id), level == .unknown || stored > level { level = stored }
            meta[m.id] = TemplateMeta(level: level, firstSeen: t, lastSeen: t, sources: [record.source])
            // The miner evicts templates at its limit; drop metadata of evicted ids in bulk.
            if meta.count > 2 * max(miner.config.maxTemplates, 1) { pruneMeta() }
        }
        return engine.observe(record, now: now)
    }

    mutating func advance(to now: Date) -> [Anomaly] {
        engine.advance(to: now)
    }

    /// The highest level seen with each live template (this run's, else the stored one).
    func levels() -> [Int: Level] {
        var result = restoredLevels
        for (id, m) in meta where m.level != .unknown { result[id] = m.level }
        return result
    }

    /// The level shown for template `id`.
    func level(of id: Int) -> Level {
        meta[id]?.level ?? restoredLevels[id] ?? .unknown
    }

    /// Templates with their metadata, most frequent first.
    func templateRows(limit: Int = .max) -> [(info: TemplateInfo, meta: TemplateMeta?)] {
        let sorted = miner.templates.sorted { ($0.count, -$0.id) > ($1.count, -$1.id) }
        return sorted.prefix(limit).map { ($0, meta[$0.id]) }
    }

    private mutating func pruneMeta() {
        let live = Set(miner.templates.map(\.id))
        meta = meta.filter { live.contains($0.key) }
        restoredLevels = restoredLevels.filter { live.contains($0.key) }
    }
}
