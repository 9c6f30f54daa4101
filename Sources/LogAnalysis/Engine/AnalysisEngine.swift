import FaultMavenCore
import Foundation

/// The streaming analysis: folds records into bounded per-source statistics, runs the detectors, and
/// keeps the resulting anomalies and incidents.
///
/// Clock-agnostic: the caller passes `now` — the event time when replaying files (`faultmaven analyze`,
/// deterministic, no look-ahead) and wall time when live. Records should arrive in time order per source
/// and roughly in order across sources. Time-driven checks (bucket closes, silence) run whenever `now`
/// crosses a bucket boundary, from `observe` and from `advance(to:)`.
public struct AnalysisEngine: Sendable {
    public let config: AnalysisConfig
    private var detectors: [any Detector]
    private var sources: [SourceStats] = []
    private var slots: [String: Int] = [:]
    private var log: AnomalyLog
    private var grouper: IncidentGrouper
    private var clock: Date?
    private var lastTick: Int64?
    private var records = 0
    private var sourcesEvicted = 0
    /// Eviction counts carried over from evicted sources.
    private var retired = (templates: 0, metrics: 0, late: 0, events: 0)
    /// Template ids known from an earlier run (see ``assumeKnown(templateIDs:)``).
    private var priorTemplates: Set<Int> = []

    /// The detectors the engine runs unless told otherwise. Register a new detector here.
    public static func defaultDetectors() -> [any Detector] {
        [
            ErrorRateDetector(),
            NewPatternDetector(),
            SilenceDetector(),
            MetricShiftDetector(),
            VolumeDetector(),
        ]
    }

    /// Creates an engine with `config`, running `detectors` (default: `defaultDetectors()`).
    public init(config: AnalysisConfig = AnalysisConfig(), detectors: [any Detector]? = nil) {
        self.config = config
        self.detectors = detectors ?? Self.defaultDetectors()
        log = AnomalyLog(capacity: config.maxAnomalies)
        grouper = IncidentGrouper(capacity: config.maxIncidents, gap: config.incidentGap)
    }

    /// Folds `record` into the statistics at caller time `now` (its event time is `record.time`, or `now`
    /// when it has none). Returns the anomalies that opened because of it, including those of time-driven
    /// checks that its `now` triggered.
    public mutating func observe(_ record: LogRecord, now: Date) -> [Anomaly] {
        records += 1
        var opened: [Anomaly] = []
        if lastTick.map({ tickIndex(now) > $0 }) ?? true {
            opened += advance(to: now)
        }
        clock = max(clock ?? now, now)
        let time = record.time ?? now
        let i = slot(for: record.source)
        sources[i].tick(now)
        if sources[i].roll(to: time) > 0 {
            opened += evaluate(i, now: now)
        }
        let anomalous = log.hasOpen(source: record.source)
        let explained = record.level.isError
            && record.templateID.map { log.isOpen(.newPattern, source: record.source, key: "\($0)") } == true
        let prior = record.templateID.map { priorTemplates.contains($0) } ?? false
        sources[i].ingest(
            record, time: time, now: now, anomalous: anomalous, explained: explained, knownBefore: prior, config: config)
        var findings: [Finding] = []
        // One copy of the statistics for all detectors (passing `sources[i]` while mutating a detector
        // would copy it for each).
        let stats = sources[i]
        for d in detectors.indices {
            let context = DetectorContext(
                config: config, now: now, openKeys: log.openKeys(detectors[d].kind, source: record.source))
            findings += detectors[d].observe(record, time: time, stats: stats, context: context)
        }
        opened += apply(findings, now: now)
        return opened
    }

    /// Takes the templates with these ids as seen on every source, so they never count as new
    /// patterns: the templates an agent restored from its state database after a restart (the
    /// store does not keep which source logged them). Replaces earlier calls; at most
    /// `Limits.maxTemplates` ids are kept.
    public mutating func assumeKnown(templateIDs: some Sequence<Int>) {
        priorTemplates = Set(templateIDs.prefix(Limits.maxTemplates))
    }

    /// Moves the clock to `now`: closes buckets, runs time-driven checks (silence, error rate, metric
    /// shifts) and closes anomalies whose condition cleared. Call it periodically when live, and once at
    /// the end of a replay with the last event time. Returns the anomalies that opened.
    public mutating func advance(to now: Date) -> [Anomaly] {
        clock = max(clock ?? now, now)
        let tick = tickIndex(now)
        lastTick = max(lastTick ?? tick, tick)
        var opened: [Anomaly] = []
        for i in sources.indices {
            sources[i].tick(now)
            if sources[i].roll(to: now) > 0 {
                opened += evaluate(i, now: now)
            }
        }
        log.pruneClosed(now: now, reopenWithin: config.reopenWithin)
        return opened
    }

    /// Every anomaly kept, in opening order (oldest first); bounded by `config.maxAnomalies`.
    public var anomalies: [Anomaly] { log.all }

    /// Anomalies still open, in opening order.
    public var openAnomalies: [Anomaly] { log.openAnomalies }

    /// Every incident kept, in opening order (oldest first); bounded by `config.maxIncidents`.
    public var incidents: [Incident] { grouper.all }

    /// Statistics of one source, nil when it is not tracked.
    public func stats(for source: String) -> SourceStats? {
        slots[source].map { sources[$0] }
    }

    /// What the bounds dropped and what was found.
    public var counters: AnalysisCounters {
        var c = AnalysisCounters()
        c.records = records
        c.sourcesEvicted = sourcesEvicted
        c.templatesEvicted = retired.templates + sources.reduce(0) { $0 + $1.templates.evictedCount }
        c.metricSeriesEvicted = retired.metrics + sources.reduce(0) { $0 + $1.metrics.evictedCount }
        c.lateRecords = retired.late + sources.reduce(0) { $0 + $1.traffic.lateDrops }
        c.recentEventsEvicted = retired.events + sources.reduce(0) { $0 + $1.recentEvents.evictedCount }
        c.anomaliesEvicted = log.evictedCount
        c.incidentsEvicted = grouper.evictedCount
        for (kind, n) in log.openedByKind { c.anomaliesOpened[kind.rawValue] = n }
        return c
    }

    /// A read-only picture for the query port and the troubleshooting responder.
    public func snapshot() -> AnalysisSnapshot {
        let shortWindow = config.buckets(covering: config.errorRate.windows.filter { $0 > 0 }.min() ?? 60)
        let perSource = sources.sorted { $0.source < $1.source }.map { s in
            SnapshotBuilder.source(s, shortWindow: shortWindow)
        }
        return AnalysisSnapshot(
            time: clock, sources: perSource, openAnomalies: log.openAnomalies,
            recentIncidents: Array(grouper.all.suffix(20)), counters: counters)
    }

    // MARK: - Internals

    private func tickIndex(_ now: Date) -> Int64 {
        let v = (now.timeIntervalSince1970 / config.bucketWidth).rounded(.down)
        guard v.isFinite else { return 0 }
        return Int64(max(min(v, 9.0e15), -9.0e15))
    }

    /// The slot of `source`, creating it and evicting the least recently active source when full.
    private mutating func slot(for source: String) -> Int {
        if let i = slots[source] { return i }
        let fresh = SourceStats(source: source, config: config)
        if sources.count < max(1, config.maxSources) {
            sources.append(fresh)
            slots[source] = sources.count - 1
            shareEventBudget()
            return sources.count - 1
        }
        var victim = 0
        for i in sources.indices where (sources[i].clock ?? .distantPast) < (sources[victim].clock ?? .distantPast) {
            victim = i
        }
        let old = sources[victim]
        retired.templates += old.templates.evictedCount
        retired.metrics += old.metrics.evictedCount
        retired.late += old.traffic.lateDrops
        retired.events += old.recentEvents.evictedCount
        sourcesEvicted += 1
        log.closeAll(source: old.source)
        slots.removeValue(forKey: old.source)
        sources[victim] = fresh
        slots[source] = victim
        shareEventBudget()
        return victim
    }

    /// Splits `recentEventBytes` evenly among the tracked sources, so together they stay within it.
    private mutating func shareEventBudget() {
        let share = max(0, config.recentEventBytes) / max(1, sources.count)
        for i in sources.indices where sources[i].recentEvents.budget != share { sources[i].setEventBudget(share) }
    }

    /// Runs the time-driven checks of source `i` and closes its anomalies that stopped holding.
    private mutating func evaluate(_ i: Int, now: Date) -> [Anomaly] {
        let source = sources[i].source
        var findings: [Finding] = []
        let stats = sources[i]
        for d in detectors.indices {
            let context = DetectorContext(
                config: config, now: now, openKeys: log.openKeys(detectors[d].kind, source: source))
            findings += detectors[d].evaluate(stats, context: context)
        }
        let opened = apply(findings, now: now)
        _ = log.closeStale(source: source, now: now, closeAfter: config.closeAfter)
        return opened
    }

    /// Turns findings into anomaly updates and incident membership; returns newly opened anomalies.
    private mutating func apply(_ findings: [Finding], now: Date) -> [Anomaly] {
        var opened: [Anomaly] = []
        for f in findings {
            guard let (seq, isNew) = log.apply(f, now: now, config: config), let anomaly = log.anomaly(seq: seq)
            else { continue }
            if isNew {
                let evidence = sampleLines(for: f)
                log.addSamples(evidence.map(\.text), seq: seq, limit: config.maxSamples)
                let id = grouper.assign(anomaly, samples: evidence, maxSamples: config.maxIncidentSamples)
                log.setIncident(id, seq: seq)
                if let withIncident = log.anomaly(seq: seq) { opened.append(withIncident) }
            } else {
                grouper.update(anomaly)
            }
        }
        return opened
    }

    /// Raw lines of the finding's source that illustrate it (see `EvidencePicker`).
    private func sampleLines(for finding: Finding) -> [SampleLine] {
        guard let i = slots[finding.source] else { return [] }
        return EvidencePicker.lines(for: finding, in: sources[i].recentEvents, limit: config.maxSamples).map {
            SampleLine(source: finding.source, time: $0.time, level: $0.level.name, text: $0.text)
        }
    }
}
