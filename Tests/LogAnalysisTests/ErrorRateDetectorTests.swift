import FaultMavenCore
import Foundation
import Testing
@testable import LogAnalysis

@Suite struct ErrorRateDetectorTests {
    typealias S = SyntheticLog.Segment

    private func errorRate(_ engine: AnalysisEngine) -> [Anomaly] { engine.anomalies.filter { $0.kind == .errorRate } }

    @Test func burstFiresOnceWithinBoundedDelay() {
        var gen = SyntheticLog(seed: 1)
        let records = gen.records([
            S(from: 0, to: 2400, errorShare: 0.005),
            S(from: 2400, to: 3000, errorShare: 0.05),
            S(from: 3000, to: 4200, errorShare: 0.005),
        ])
        let engine = Replay.run(records)
        let found = errorRate(engine)
        #expect(found.count == 1)
        guard let a = found.first else { return }
        #expect(Replay.detectedAt(a) >= 2400 && Replay.detectedAt(a) <= 2400 + 180)
        #expect(Replay.startedAt(a) >= 2400 - 60 && Replay.startedAt(a) <= 3000)
        #expect(!a.isOpen)
        #expect(a.end.timeIntervalSince(SyntheticLog.t0) <= 3000 + 300)
        #expect(a.end > a.detectedAt)
        #expect(Double(a.evidence["ratio"] ?? "") ?? 0 >= 3)
        #expect(a.summary.contains("Error rate of app.log rose to"))
        #expect(!a.samples.isEmpty && a.samples.count <= 5)
    }

    @Test func steadyNoiseFiresNothing() {
        var gen = SyntheticLog(seed: 2)
        let engine = Replay.run(gen.records([S(from: 0, to: 3 * 3600, errorShare: 0.01)]))
        #expect(engine.anomalies.isEmpty)
    }

    @Test func trafficSurgeWithTheSameErrorShareIsNotAnAnomaly() {
        var gen = SyntheticLog(seed: 3)
        let records = gen.records([
            S(from: 0, to: 2400, rate: 2, errorShare: 0.01),
            S(from: 2400, to: 3000, rate: 12, errorShare: 0.01),
            S(from: 3000, to: 3600, rate: 2, errorShare: 0.01),
        ])
        let engine = Replay.run(records)
        #expect(engine.anomalies.isEmpty)
    }

    @Test func singleStrayErrorOnAnErrorFreeSourceIsIgnored() {
        var gen = SyntheticLog(seed: 4)
        var records = gen.records([S(from: 0, to: 3600, errorShare: 0)])
        records.append(SyntheticLog.record("app.log", SyntheticLog.at(2400.5), .error, id: 100,
                                           template: "upstream inventory timed out after <*> order=<*>", params: ["9"]))
        records.sort { $0.time! < $1.time! }
        #expect(Replay.run(records).anomalies.isEmpty)
    }

    @Test func burstOnASourceWithNoBaselineErrorsFires() {
        var gen = SyntheticLog(seed: 5)
        let records = gen.records([
            S(from: 0, to: 2400, errorShare: 0),
            S(from: 2400, to: 2800, errorShare: 0.04),
        ])
        let found = errorRate(Replay.run(records))
        #expect(found.count == 1)
        #expect(found.first.map { Replay.detectedAt($0) <= 2400 + 180 } ?? false)
    }

    @Test func severityAndScoreGrowWithTheBurst() {
        var scores: [Double] = []
        var severities: [Severity] = []
        for share in [0.06, 0.3] {
            var gen = SyntheticLog(seed: 6)
            let records = gen.records([S(from: 0, to: 2400, errorShare: 0.005), S(from: 2400, to: 2800, errorShare: share)])
            let engine = Replay.run(records)
            guard let a = errorRate(engine).first else {
                Issue.record("no anomaly for share \(share): \(engine.anomalies.map(\.summary))")
                return
            }
            scores.append(a.score)
            severities.append(a.severity)
        }
        #expect(scores[1] > scores[0])
        #expect(severities[1] > severities[0])
    }

    @Test func chernoffSignificanceIsMonotoneAndZeroAtBaseline() {
        #expect(BinomialTail.significance(successes: 1, trials: 100, probability: 0.01) == 0)
        let a = BinomialTail.significance(successes: 5, trials: 100, probability: 0.01)
        let b = BinomialTail.significance(successes: 10, trials: 100, probability: 0.01)
        let c = BinomialTail.significance(successes: 20, trials: 200, probability: 0.01)
        #expect(a > 0 && b > a && c > b)
        #expect(BinomialTail.significance(successes: 100, trials: 100, probability: 0.01) > 100)
        #expect(BinomialTail.significance(successes: 0, trials: 0, probability: 0.5) == 0)
    }
}
