import FaultMavenCore
import Foundation
import Testing
@testable import LogAnalysis

@Suite struct AnomalyLifecycleTests {
    typealias S = SyntheticLog.Segment

    private func finding(_ key: String, at t: TimeInterval, score: Double = 1, state: Finding.State = .active) -> Finding {
        Finding(kind: .errorRate, source: "x.log", key: key, state: state, start: SyntheticLog.at(t - 10),
                time: SyntheticLog.at(t), score: score, severity: score > 5 ? .high : .low,
                evidence: ["score": "\(score)"], summary: "s\(score)", samples: ["m\(Int(t))"])
    }

    @Test func aLastingConditionIsUpdatedNotRefired() {
        var log = AnomalyLog(capacity: 10)
        let config = AnalysisConfig()
        #expect(log.apply(finding("", at: 100), now: SyntheticLog.at(100), config: config)?.opened == true)
        for t in stride(from: 110.0, through: 300, by: 10) {
            #expect(log.apply(finding("", at: t, score: t / 30), now: SyntheticLog.at(t), config: config)?.opened == false)
        }
        #expect(log.all.count == 1)
        let a = log.all[0]
        #expect(a.id == "a-1" && a.isOpen)
        #expect(a.end == SyntheticLog.at(300) && a.detectedAt == SyntheticLog.at(100))
        #expect(a.score == 10 && a.severity == .high && a.summary == "s10.0")
        #expect(a.samples.count == config.maxSamples)
    }

    @Test func closesAfterTheConditionStopsAndReopensWithinCoolDown() {
        var log = AnomalyLog(capacity: 10)
        let config = AnalysisConfig()
        _ = log.apply(finding("", at: 100), now: SyntheticLog.at(100), config: config)
        #expect(log.closeStale(source: "x.log", now: SyntheticLog.at(150), closeAfter: 60).isEmpty)
        #expect(log.closeStale(source: "x.log", now: SyntheticLog.at(161), closeAfter: 60) == [1])
        #expect(log.all[0].isOpen == false && log.all[0].end == SyntheticLog.at(100))
        // Same condition 2 minutes later: the same anomaly reopens.
        #expect(log.apply(finding("", at: 220), now: SyntheticLog.at(220), config: config)?.opened == false)
        #expect(log.all.count == 1 && log.all[0].isOpen && log.all[0].end == SyntheticLog.at(220))
        _ = log.closeStale(source: "x.log", now: SyntheticLog.at(400), closeAfter: 60)
        // Long after the cool-down: a new anomaly.
        #expect(log.apply(finding("", at: 1000), now: SyntheticLog.at(1000), config: config)?.opened == true)
        #expect(log.all.map(\.id) == ["a-1", "a-2"])
        // Another key is another condition.
        #expect(log.apply(finding("k", at: 1000), now: SyntheticLog.at(1000), config: config)?.opened == true)
        #expect(log.openKeys(.errorRate, source: "x.log") == ["", "k"])
    }

    @Test func aClearedFindingClosesAtItsTime() {
        var log = AnomalyLog(capacity: 10)
        let config = AnalysisConfig()
        _ = log.apply(finding("", at: 100), now: SyntheticLog.at(100), config: config)
        _ = log.apply(finding("", at: 140, state: .cleared), now: SyntheticLog.at(140), config: config)
        #expect(!log.all[0].isOpen && log.all[0].end == SyntheticLog.at(140))
        #expect(log.apply(finding("", at: 150, state: .cleared), now: SyntheticLog.at(150), config: config) == nil)
    }

    @Test func twoBurstsCloseTogetherAreOneAnomalyFarApartTwo() {
        var gen = SyntheticLog(seed: 41)
        let near = gen.records([
            S(from: 0, to: 2400, errorShare: 0.005), S(from: 2400, to: 2640, errorShare: 0.08),
            S(from: 2640, to: 2760, errorShare: 0.005), S(from: 2760, to: 3000, errorShare: 0.08),
            S(from: 3000, to: 3600, errorShare: 0.005),
        ])
        #expect(Replay.run(near).anomalies.filter { $0.kind == .errorRate }.count == 1)
        var gen2 = SyntheticLog(seed: 42)
        let far = gen2.records([
            S(from: 0, to: 2400, errorShare: 0.005), S(from: 2400, to: 2640, errorShare: 0.08),
            S(from: 2640, to: 4800, errorShare: 0.005), S(from: 4800, to: 5040, errorShare: 0.08),
            S(from: 5040, to: 5400, errorShare: 0.005),
        ])
        let anomalies = Replay.run(far).anomalies.filter { $0.kind == .errorRate }
        #expect(anomalies.count == 2)
        #expect(anomalies.map(\.id) == anomalies.map(\.id).sorted())
    }

    @Test func replayIsDeterministic() throws {
        var gen = SyntheticLog(seed: 43)
        let records = gen.records([
            S(source: "a.log", from: 0, to: 2400), S(source: "a.log", from: 2400, to: 2700, errorShare: 0.1),
            S(source: "b.log", from: 0, to: 2500), S(source: "b.log", from: 2900, to: 3600),
        ])
        let first = Replay.run(records)
        let second = Replay.run(records)
        #expect(!first.anomalies.isEmpty)
        #expect(first.anomalies == second.anomalies)
        #expect(first.incidents == second.incidents)
    }

    @Test func anomaliesEncodeWithContractKeys() throws {
        let a = Anomaly(id: "a-1", kind: .newPattern, source: "x.log", start: SyntheticLog.t0, end: SyntheticLog.t0,
                        detectedAt: SyntheticLog.t0, severity: .high, score: 3, template: "t <*>", templateID: 7,
                        summary: "s")
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let json = try #require(try JSONSerialization.jsonObject(with: encoder.encode(a)) as? [String: Any])
        #expect(json["kind"] as? String == "new_pattern")
        #expect(json["detected_at"] as? String == "2026-03-02T08:00:00Z")
        #expect(json["template_id"] as? Int == 7 && json["severity"] as? String == "high")
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try decoder.decode(Anomaly.self, from: encoder.encode(a)) == a)
    }
}
