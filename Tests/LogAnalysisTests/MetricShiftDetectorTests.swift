import FaultMavenCore
import Foundation
import Testing
@testable import LogAnalysis

@Suite struct MetricShiftDetectorTests {
    typealias S = SyntheticLog.Segment

    private func shifts(_ engine: AnalysisEngine) -> [Anomaly] { engine.anomalies.filter { $0.kind == .metricShift } }

    @Test func latencyShiftFiresOnceWithinBoundedDelay() {
        var gen = SyntheticLog(seed: 31)
        let records = gen.records([
            S(from: 0, to: 2400),
            S(from: 2400, to: 2800, latencyMs: 120),
            S(from: 2800, to: 3600),
        ])
        let found = shifts(Replay.run(records))
        #expect(found.count == 1)
        guard let a = found.first else { return }
        #expect(Replay.detectedAt(a) >= 2400 && Replay.detectedAt(a) <= 2400 + 120)
        #expect(Replay.startedAt(a) >= 2400 - 60)
        #expect(Double(a.evidence["ratio"] ?? "") ?? 0 >= 3)
        #expect(a.evidence["typical"]?.hasSuffix("ms") == true)
        #expect(!a.isOpen && a.end.timeIntervalSince(SyntheticLog.t0) <= 2800 + 120)
    }

    @Test func smallShiftsAndSpreadOutNumbersDoNotFire() {
        var gen = SyntheticLog(seed: 32)
        // 1.4× latency is within the normal range; order ids (param 1) are uniform over six decades.
        let records = gen.records([S(from: 0, to: 2400), S(from: 2400, to: 3600, latencyMs: 42)])
        #expect(shifts(Replay.run(records)).isEmpty)
    }

    @Test func numericFieldsAreSeriesToo() {
        var gen = SyntheticLog(seed: 33)
        let records = gen.records([S(from: 0, to: 2400), S(from: 2400, to: 2700, latencyMs: 150)]).map { r in
            var r = r
            r.params = []
            guard r.templateID == 1 else { return r }
            r.fields = ["latency_ms": r.message.split(separator: " ").last.map { String($0.dropLast(2)) } ?? "", "user": "u1"]
            return r
        }
        let found = shifts(Replay.run(records))
        #expect(found.count == 1)
        #expect(found.first?.evidence["series"] == "latency_ms")
    }

    @Test func aQuietSeriesShiftIsFoundThroughTheLongWindowWithItsOnset() {
        var gen = SyntheticLog(seed: 34)
        // 0.15 lines/s: about 8 latencies a minute, far fewer than `minSamples` in the 60 s window.
        let records = gen.records([
            S(from: 0, to: 5400, rate: 0.15),
            S(from: 5400, to: 6000, rate: 0.15, latencyMs: 120),
            S(from: 6000, to: 7200, rate: 0.15),
        ])
        let found = shifts(Replay.run(records))
        #expect(found.count == 1)
        guard let a = found.first else { return }
        #expect(Replay.detectedAt(a) > 5400 && Replay.detectedAt(a) <= 5400 + 300)
        // The onset is where the values moved, not the start of the 5-minute window.
        #expect(Replay.startedAt(a) >= 5400 - 30 && Replay.startedAt(a) <= Replay.detectedAt(a))
        // With the 60 s window alone the series never has enough values.
        var config = AnalysisConfig()
        config.metricShift.windows = [60]
        #expect(shifts(Replay.run(records, config: config)).isEmpty)
    }

    @Test func numericTokensAreParsedWithUnits() {
        #expect(NumericValue.parse("53ms")?.value == 53)
        #expect(NumericValue.parse("1.5s")?.value == 1500)
        #expect(NumericValue.parse("83%")?.unit == "%")
        #expect(NumericValue.parse("200")?.value == 200)
        #expect(NumericValue.parse("4fdbe26cf401") == nil)
        #expect(NumericValue.parse("1.2.3") == nil)
        #expect(NumericValue.parse("abc") == nil)
        #expect(NumericValue.parse("") == nil)
    }
}
