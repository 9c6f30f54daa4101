import Foundation

/// The anomaly life cycle and store: opens, updates, reopens (cool-down) and closes anomalies from
/// findings, numbering them `a-1`, `a-2`, ... and keeping at most `capacity`.
struct AnomalyLog: Sendable {
    private var store: SequencedStore<Anomaly>
    /// Open conditions → sequence number of their anomaly.
    private var open: [ConditionKey: Int] = [:]
    /// When each open anomaly's condition last held.
    private var lastHeld: [Int: Date] = [:]
    /// Recently closed conditions → sequence number (for reopening within the cool-down).
    private var closed: [ConditionKey: Int] = [:]
    /// Anomalies opened per kind.
    private(set) var openedByKind: [AnomalyKind: Int] = [:]

    init(capacity: Int) {
        store = SequencedStore(capacity: capacity)
    }

    var evictedCount: Int { store.evictedCount }
    var all: [Anomaly] { store.ordered }
    var openAnomalies: [Anomaly] { open.values.sorted().compactMap { store[$0] } }

    func anomaly(seq: Int) -> Anomaly? { store[seq] }

    /// Keys of open anomalies of `kind` on `source`.
    func openKeys(_ kind: AnomalyKind, source: String) -> Set<String> {
        var keys: Set<String> = []
        for k in open.keys where k.kind == kind && k.source == source { keys.insert(k.key) }
        return keys
    }

    func hasOpen(source: String) -> Bool { open.keys.contains { $0.source == source } }

    /// Whether the condition `key` of `kind` on `source` has an open anomaly.
    func isOpen(_ kind: AnomalyKind, source: String, key: String) -> Bool {
        open[ConditionKey(kind: kind, source: source, key: key)] != nil
    }

    /// Applies `finding` at caller time `now`. Returns the sequence number of the anomaly it touched and
    /// whether that anomaly was newly opened; nil when nothing changed.
    mutating func apply(_ finding: Finding, now: Date, config: AnalysisConfig) -> (seq: Int, opened: Bool)? {
        let key = ConditionKey(kind: finding.kind, source: finding.source, key: finding.key)
        switch finding.state {
        case .cleared:
            guard let seq = open[key] else { return nil }
            close(key, seq: seq, at: finding.time)
            return (seq, false)
        case .active:
            if let seq = open[key] {
                update(seq, with: finding, config: config)
                return (seq, false)
            }
            if let seq = closed[key], let a = store[seq], finding.time.timeIntervalSince(a.end) <= config.reopenWithin {
                closed.removeValue(forKey: key)
                open[key] = seq
                store[seq]?.isOpen = true
                update(seq, with: finding, config: config)
                return (seq, false)
            }
            closed.removeValue(forKey: key)
            let seq = store.nextSeq
            let anomaly = Anomaly(
                id: "a-\(seq)", kind: finding.kind, source: finding.source, start: min(finding.start, now),
                end: max(finding.time, min(finding.start, now)), detectedAt: now, severity: finding.severity,
                score: finding.score, template: finding.template, templateID: finding.templateID,
                evidence: finding.evidence, samples: Array(finding.samples.prefix(config.maxSamples)),
                summary: finding.summary)
            makeRoom()
            let (_, evicted) = store.append(anomaly)
            for old in evicted { forget(old) }
            open[key] = seq
            lastHeld[seq] = finding.time
            openedByKind[finding.kind, default: 0] += 1
            return (seq, true)
        }
    }

    /// Adds `texts` to the samples of anomaly `seq` (no duplicates, at most `limit`).
    mutating func addSamples(_ texts: [String], seq: Int, limit: Int) {
        guard var a = store[seq] else { return }
        for t in texts where a.samples.count < limit && !a.samples.contains(t) { a.samples.append(t) }
        store[seq] = a
    }

    /// Sets the incident of anomaly `seq`.
    mutating func setIncident(_ id: String, seq: Int) {
        store[seq]?.incidentID = id
    }

    /// Closes open anomalies on `source` whose condition has not held for `closeAfter` before `now`.
    /// Returns the sequence numbers closed.
    mutating func closeStale(source: String, now: Date, closeAfter: TimeInterval) -> [Int] {
        var closedSeqs: [Int] = []
        for (key, seq) in open where key.source == source {
            guard let held = lastHeld[seq], now.timeIntervalSince(held) > closeAfter else { continue }
            close(key, seq: seq, at: nil)
            closedSeqs.append(seq)
        }
        return closedSeqs.sorted()
    }

    /// Closes every open anomaly of `source` (the source was evicted).
    mutating func closeAll(source: String) {
        for (key, seq) in open where key.source == source { close(key, seq: seq, at: nil) }
        closed = closed.filter { $0.key.source != source }
    }

    /// Drops cool-down entries older than `reopenWithin` before `now`, bounding that map.
    mutating func pruneClosed(now: Date, reopenWithin: TimeInterval) {
        closed = closed.filter { _, seq in
            guard let a = store[seq] else { return false }
            return now.timeIntervalSince(a.end) <= reopenWithin
        }
    }

    private mutating func update(_ seq: Int, with f: Finding, config: AnalysisConfig) {
        guard var a = store[seq] else { return }
        a.end = max(a.end, f.time)
        a.severity = max(a.severity, f.severity)
        if f.score >= a.score {
            a.score = f.score
            a.evidence = f.evidence
            a.summary = f.summary
        }
        if let t = f.template { a.template = t }
        for s in f.samples where a.samples.count < config.maxSamples && !a.samples.contains(s) {
            a.samples.append(s)
        }
        store[seq] = a
        lastHeld[seq] = max(lastHeld[seq] ?? f.time, f.time)
    }

    private mutating func close(_ key: ConditionKey, seq: Int, at time: Date?) {
        open.removeValue(forKey: key)
        lastHeld.removeValue(forKey: seq)
        guard var a = store[seq] else { return }
        if let time { a.end = max(a.end, time) }
        a.isOpen = false
        store[seq] = a
        closed[key] = seq
    }

    /// When full, evicts the oldest closed anomaly; open ones go only when all are open.
    private mutating func makeRoom() {
        guard store.count >= store.capacity else { return }
        let openSeqs = Set(open.values)
        guard let victim = store.sequenceNumbers.first(where: { !openSeqs.contains($0) }) else { return }
        if let a = store[victim] { forget(a) }
        store.evict(victim)
    }

    /// Drops the cool-down entry of an evicted anomaly. An evicted *open* anomaly stays open as a bare
    /// condition until it clears, so a lasting condition is not reported again as a new anomaly.
    private mutating func forget(_ anomaly: Anomaly) {
        guard let seq = Int(anomaly.id.dropFirst(2)) else { return }
        closed = closed.filter { $0.value != seq }
    }
}
