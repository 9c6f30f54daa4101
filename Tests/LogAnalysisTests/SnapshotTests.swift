import FaultMavenCore
import Foundation
import Testing
@testable import LogAnalysis

@Suite struct SnapshotTests {
    typealias S = SyntheticLog.Segment

    @Test func snapshotReportsPerSourceStatistics() throws {
        var gen = SyntheticLog(seed: 61)
        let records = gen.records([
            S(source: "b.log", from: 0, to: 1800, errorShare: 0.02),
            S(source: "a.log", from: 0, to: 1800, errorShare: 0),
        ])
        let engine = Replay.run(records)
        let snap = engine.snapshot()
        #expect(snap.sources.map(\.source) == ["a.log", "b.log"])
        let b = try #require(snap.sources.last)
        let bRecords = records.filter { $0.source == "b.log" }
        let errors = bRecords.filter { $0.level.isError }
        #expect(b.lines == bRecords.count)
        #expect(b.levels["ERROR"] == errors.count && b.levels["INFO"] == bRecords.filter { $0.level == .info }.count)
        #expect(b.recentErrors.count == 10 && b.recentErrors.last == errors.last?.message)
        #expect(abs((b.baselineErrorRatio ?? 0) - Double(errors.count) / Double(bRecords.count)) < 0.005)
        #expect(b.linesPerSecond > 1.5 && b.linesPerSecond < 2.5)
        #expect(b.topTemplates.first?.id == 1 && b.topTemplates.first?.level == "INFO")
        #expect(b.topTemplates.map(\.count) == b.topTemplates.map(\.count).sorted(by: >))
        #expect(b.lastSeen == bRecords.last?.time)
        let a = try #require(snap.sources.first)
        #expect(a.errorRatio == 0 && a.recentErrors.isEmpty && a.levels["ERROR"] == nil)
        #expect(snap.openAnomalies.isEmpty && snap.counters.records == records.count)
        #expect(snap.time == records.last?.time)
    }

    @Test func snapshotShowsOpenAnomaliesAndEncodes() throws {
        var gen = SyntheticLog(seed: 62)
        var engine = Replay.run(gen.records([S(from: 0, to: 2400)]))
        _ = engine.advance(to: SyntheticLog.at(2600))
        let snap = engine.snapshot()
        #expect(snap.openAnomalies.map(\.kind) == [.silence])
        #expect(snap.recentIncidents.count == 1)
        #expect(snap.counters.anomaliesOpened == ["silence": 1])
        let data = try JSONEncoder().encode(snap)
        #expect(try JSONDecoder().decode(AnalysisSnapshot.self, from: data) == snap)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(json["open_anomalies"] != nil && json["recent_incidents"] != nil)
    }
}
