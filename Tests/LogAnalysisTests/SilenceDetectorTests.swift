import FaultMavenCore
import Foundation
import Testing
@testable import LogAnalysis

@Suite struct SilenceDetectorTests {
    typealias S = SyntheticLog.Segment

    private func silences(_ engine: AnalysisEngine) -> [Anomaly] { engine.anomalies.filter { $0.kind == .silence } }

    @Test func silenceSeenThroughAnotherSourceAndClosedWhenLinesResume() {
        var gen = SyntheticLog(seed: 21)
        let records = gen.records([
            S(source: "a.log", from: 0, to: 2400),
            S(source: "a.log", from: 2700, to: 3600),
            S(source: "b.log", from: 0, to: 3600),
        ])
        let found = silences(Replay.run(records))
        #expect(found.count == 1)
        guard let a = found.first else { return }
        #expect(a.source == "a.log")
        #expect(Replay.startedAt(a) >= 2380 && Replay.startedAt(a) <= 2400)
        // 2 lines/s: the 30 s floor decides (longest normal gap ~5 s, 15 expected lines in 7.5 s).
        #expect(Replay.detectedAt(a) >= 2400 + 30 && Replay.detectedAt(a) <= 2400 + 60)
        #expect(!a.isOpen)
        let end = a.end.timeIntervalSince(SyntheticLog.t0)
        #expect(end >= 2700 && end <= 2730)
        #expect(a.evidence["last_line"] != nil && a.summary.contains("a.log has logged nothing"))
    }

    @Test func endOfStreamIsNotSilence() {
        var gen = SyntheticLog(seed: 22)
        // One file ends 20 s before the other (within the 30 s floor); the final advance uses the last
        // event time.
        let records = gen.records([
            S(source: "a.log", from: 0, to: 3580),
            S(source: "b.log", from: 0, to: 3600),
        ])
        #expect(Replay.run(records).anomalies.isEmpty)
        var single = SyntheticLog(seed: 23)
        #expect(Replay.run(single.records([S(from: 0, to: 3600)])).anomalies.isEmpty)
    }

    @Test func aBatchSourceWithLongNormalGapsIsNotSilent() {
        var gen = SyntheticLog(seed: 24)
        // 60 lines in 10 s every 5 minutes, then one gap of 8 minutes, while b.log keeps logging.
        var segments = stride(from: 0.0, to: 3600, by: 300).map { S(source: "batch.log", from: $0, to: $0 + 10, rate: 6) }
        segments.append(S(source: "batch.log", from: 4080, to: 4090, rate: 6))
        segments.append(S(source: "b.log", from: 0, to: 4200))
        #expect(silences(Replay.run(gen.records(segments))).isEmpty)
    }

    @Test func liveModeFiresFromAdvanceAlone() {
        var gen = SyntheticLog(seed: 25)
        var engine = Replay.run(gen.records([S(from: 0, to: 2400)]))
        #expect(engine.anomalies.isEmpty)
        var opened: [Anomaly] = []
        for t in stride(from: 2400.0, through: 2400 + 300, by: 5) {
            opened += engine.advance(to: SyntheticLog.at(t))
        }
        #expect(opened.count == 1 && opened.first?.kind == .silence)
        #expect(engine.openAnomalies.map(\.kind) == [.silence])
        guard let d = opened.first.map(Replay.detectedAt) else { return }
        #expect(d >= 2430 && d <= 2460)
        // Lines resume: the anomaly closes at the resumed line, and no new one opens.
        let resumed = SyntheticLog.record("app.log", SyntheticLog.at(2710), .info, id: 1,
                                          template: "GET /api/orders/<*> <*> in <*>", params: ["1", "200", "30ms"])
        #expect(engine.observe(resumed, now: SyntheticLog.at(2710)).isEmpty)
        #expect(engine.openAnomalies.isEmpty)
        #expect(engine.anomalies.first?.end == SyntheticLog.at(2710))
    }

    @Test func aSourceGoneForLongerThanMaxDurationStopsBeingSilent() {
        var gen = SyntheticLog(seed: 26)
        var engine = Replay.run(gen.records([SyntheticLog.Segment(from: 0, to: 2400)]))
        var opened: [Anomaly] = []
        for t in stride(from: 2400.0, through: 2400 + 7200, by: 10) {
            opened += engine.advance(to: SyntheticLog.at(t))
        }
        #expect(opened.count == 1)
        #expect(engine.openAnomalies.isEmpty)
        let end = engine.anomalies.first.map { $0.end.timeIntervalSince(SyntheticLog.t0) } ?? 0
        // Closed once gone for `maxDuration`, or earlier when its baseline scrolls out of the history.
        #expect(end >= 2400 + 1800 && end <= 2400 + 3700)
    }
}
