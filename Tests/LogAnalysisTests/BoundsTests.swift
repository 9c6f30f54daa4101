import FaultMavenCore
import Foundation
import Testing
@testable import LogAnalysis

@Suite struct BoundsTests {
    private func line(_ source: String, _ t: TimeInterval, id: Int, level: Level = .info) -> LogRecord {
        SyntheticLog.record(source, SyntheticLog.at(t), level, id: id, template: "event <*> kind \(id)", params: ["\(id)"])
    }

    @Test func sourcesBeyondTheCapEvictTheLeastRecentlyActive() {
        var config = AnalysisConfig()
        config.maxSources = 3
        var engine = AnalysisEngine(config: config)
        for (i, s) in ["a", "b", "c", "d", "e"].enumerated() {
            _ = engine.observe(line(s, Double(i), id: 1), now: SyntheticLog.at(Double(i)))
        }
        #expect(engine.counters.sourcesEvicted == 2)
        #expect(engine.stats(for: "a") == nil && engine.stats(for: "b") == nil)
        #expect(engine.stats(for: "e")?.lines == 1)
        #expect(engine.snapshot().sources.map(\.source) == ["c", "d", "e"])
    }

    @Test func templatesBeyondTheCapEvictTheLeastUsed() {
        var config = AnalysisConfig()
        config.maxTemplatesPerSource = 5
        var engine = AnalysisEngine(config: config)
        var t = 0.0
        for _ in 0..<50 {
            t += 1
            _ = engine.observe(line("a", t, id: 1), now: SyntheticLog.at(t))
        }
        for id in 2...21 {
            t += 1
            _ = engine.observe(line("a", t, id: id), now: SyntheticLog.at(t))
        }
        let stats = engine.stats(for: "a")
        #expect(stats?.templates.count == 5)
        #expect(stats?.templates[1]?.count == 50)
        #expect(engine.counters.templatesEvicted == 16)
        #expect(engine.snapshot().sources.first?.templatesEvicted == 16)
    }

    @Test func anomaliesBeyondTheCapEvictClosedOnesFirstAndNeverRefire() {
        var log = AnomalyLog(capacity: 3)
        let config = AnalysisConfig()
        func finding(_ n: Int, _ state: Finding.State = .active) -> Finding {
            Finding(kind: .silence, source: "s\(n)", state: state, start: SyntheticLog.at(0), time: SyntheticLog.at(1))
        }
        _ = log.apply(finding(1), now: SyntheticLog.at(1), config: config)
        _ = log.apply(finding(1, .cleared), now: SyntheticLog.at(1), config: config)
        for n in 2...5 { _ = log.apply(finding(n), now: SyntheticLog.at(1), config: config) }
        #expect(log.all.map(\.id) == ["a-3", "a-4", "a-5"])
        #expect(log.evictedCount == 2)
        #expect(log.openAnomalies.map(\.id) == ["a-3", "a-4", "a-5"])
        // The evicted but still open condition on s2 is updated silently, not fired again.
        #expect(log.apply(finding(2), now: SyntheticLog.at(2), config: config)?.opened == false)
        #expect(log.all.count == 3)
    }

    @Test func engineCountsAnomalyEvictions() {
        var config = AnalysisConfig()
        config.maxAnomalies = 2
        config.maxIncidents = 1
        typealias S = SyntheticLog.Segment
        var gen = SyntheticLog(seed: 71)
        // Three sources fall silent for 5 minutes one after the other, 30 minutes apart.
        let records = gen.records([
            S(source: "a.log", from: 0, to: 1800), S(source: "a.log", from: 2100, to: 7200),
            S(source: "b.log", from: 0, to: 3600), S(source: "b.log", from: 3900, to: 7200),
            S(source: "c.log", from: 0, to: 5400), S(source: "c.log", from: 5700, to: 7200),
            S(source: "d.log", from: 0, to: 7200),
        ])
        let engine = Replay.run(records, config: config)
        #expect(engine.counters.anomaliesOpened["silence"] == 3)
        #expect(engine.anomalies.count == 2 && engine.counters.anomaliesEvicted == 1)
        #expect(engine.incidents.count == 1 && engine.counters.incidentsEvicted == 2)
    }

    @Test func samplesAndRecentErrorsAreBoundedAndCut() {
        var config = AnalysisConfig()
        config.recentErrorsPerSource = 3
        config.maxSampleLength = 20
        var engine = AnalysisEngine(config: config)
        for i in 0..<10 {
            let r = LogRecord(source: "a", time: SyntheticLog.at(Double(i)), level: .error,
                              message: String(repeating: "x", count: 100) + "\(i)")
            _ = engine.observe(r, now: SyntheticLog.at(Double(i)))
        }
        let errors = engine.snapshot().sources.first?.recentErrors ?? []
        #expect(errors.count == 3)
        #expect(errors.allSatisfy { $0.count == 20 && $0.hasSuffix("…") })
    }

    @Test func boundedSetForgetsOldestMembers() {
        var set = BoundedSet<Int>(capacity: 2)
        set.insert(1)
        set.insert(2)
        set.insert(2)
        set.insert(3)
        #expect(!set.contains(1) && set.contains(2) && set.contains(3))
        #expect(set.count == 2 && set.evictedCount == 1)
    }

    @Test func lateRecordsAreCounted() {
        var engine = AnalysisEngine()
        _ = engine.observe(line("a", 10_000, id: 1), now: SyntheticLog.at(10_000))
        _ = engine.observe(line("a", 0, id: 1), now: SyntheticLog.at(10_000))
        #expect(engine.counters.lateRecords == 1)
        #expect(engine.stats(for: "a")?.lines == 2)
    }
}
