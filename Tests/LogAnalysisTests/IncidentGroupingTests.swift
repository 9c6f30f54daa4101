import Foundation
import Testing
@testable import LogAnalysis

@Suite struct IncidentGroupingTests {
    private func anomaly(_ n: Int, _ kind: AnomalyKind, _ source: String, _ from: TimeInterval, _ to: TimeInterval,
                         _ severity: Severity = .low) -> Anomaly {
        Anomaly(id: "a-\(n)", kind: kind, source: source, start: SyntheticLog.at(from), end: SyntheticLog.at(to),
                detectedAt: SyntheticLog.at(from + 30), severity: severity, score: 1, summary: "")
    }

    @Test func overlappingAnomaliesOnDifferentSourcesFormOneIncident() {
        var g = IncidentGrouper(capacity: 10, gap: 300)
        let i1 = g.assign(anomaly(1, .silence, "b.log", 1000, 1300))
        let i2 = g.assign(anomaly(2, .errorRate, "a.log", 1100, 1500, .high))
        let i3 = g.assign(anomaly(3, .newPattern, "a.log", 1700, 1800))  // within the 5-minute gap
        #expect(i1 == "i-1" && i2 == "i-1" && i3 == "i-1")
        let inc = g.all[0]
        #expect(g.all.count == 1)
        #expect(inc.anomalyIDs == ["a-1", "a-2", "a-3"])
        #expect(inc.sources == ["a.log", "b.log"])
        #expect(inc.kinds == [.errorRate, .newPattern, .silence])
        #expect(inc.start == SyntheticLog.at(1000) && inc.end == SyntheticLog.at(1800))
        #expect(inc.severity == .high)
    }

    @Test func anomaliesFarApartAreSeparateIncidents() {
        var g = IncidentGrouper(capacity: 10, gap: 300)
        _ = g.assign(anomaly(1, .silence, "b.log", 1000, 1300))
        #expect(g.assign(anomaly(2, .errorRate, "a.log", 1601, 1700)) == "i-2")
        var grown = anomaly(2, .errorRate, "a.log", 1601, 2500)
        grown.incidentID = "i-2"
        g.update(grown)
        #expect(g.all.map(\.id) == ["i-1", "i-2"])
        #expect(g.all[1].end == SyntheticLog.at(2500))
    }

    @Test func engineGroupsASilenceAndAnErrorBurstOnTwoSources() {
        typealias S = SyntheticLog.Segment
        var gen = SyntheticLog(seed: 51)
        let records = gen.records([
            S(source: "a.log", from: 0, to: 2450), S(source: "a.log", from: 2750, to: 3600),
            S(source: "b.log", from: 0, to: 2400), S(source: "b.log", from: 2400, to: 2700, errorShare: 0.1),
            S(source: "b.log", from: 2700, to: 3600),
        ])
        let engine = Replay.run(records)
        #expect(Set(engine.anomalies.map(\.kind)).isSuperset(of: [.silence, .errorRate]))
        #expect(engine.incidents.count == 1)
        #expect(engine.incidents.first?.sources == ["a.log", "b.log"])
        #expect(engine.anomalies.allSatisfy { $0.incidentID == "i-1" })
    }

    @Test func incidentsAreBoundedAndEvictionsCounted() {
        var g = IncidentGrouper(capacity: 2, gap: 10)
        for n in 1...5 { _ = g.assign(anomaly(n, .silence, "a.log", Double(n) * 1000, Double(n) * 1000 + 10)) }
        #expect(g.all.map(\.id) == ["i-4", "i-5"])
        #expect(g.evictedCount == 3)
    }
}
