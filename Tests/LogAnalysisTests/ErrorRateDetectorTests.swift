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
        // Both error templates were logged once during the warm-up, so they are known, not new.
        let known = [(100, 60.0), (101, 120.0)].map { id, t in
            SyntheticLog.record("app.log", SyntheticLog.at(t), .error, id: id, template: "known error <*>", params: ["1"])
        }
        let records = (known + gen.records([
            S(from: 0, to: 2400, errorShare: 0),
            S(from: 2400, to: 2800, errorShare: 0.04),
        ])).sorted { $0.time! < $1.time! }
        let engine = Replay.run(records)
        let found = errorRate(engine)
        #expect(found.count == 1)
        #expect(found.first.map { Replay.detectedAt($0) <= 2400 + 180 } ?? false)
        #expect(engine.anomalies.allSatisfy { $0.kind == .errorRate })
    }

    @Test func errorsOfAReportedNewPatternAreNotReportedAgainAsErrorRate() {
        var gen = SyntheticLog(seed: 5)
        // Same burst, but of templates the source never logged: new_pattern reports them, and their
        // errors are explained, so error_rate stays quiet instead of raising a duplicate.
        let engine = Replay.run(gen.records([
            S(from: 0, to: 2400, errorShare: 0),
            S(from: 2400, to: 2800, errorShare: 0.04),
        ]))
        #expect(errorRate(engine).isEmpty)
        let patterns = engine.anomalies.filter { $0.kind == .newPattern }
        #expect(!patterns.isEmpty && patterns.allSatisfy { Replay.detectedAt($0) <= 2400 + 120 })
    }

    @Test func trafficTripledWithAnUnchangedErrorShareRaisesNoErrorRate() {
        var gen = SyntheticLog(seed: 8)
        let records = gen.records([
            S(from: 0, to: 3600, rate: 3, errorShare: 0.01),
            S(from: 3600, to: 5400, rate: 9, errorShare: 0.01),
            S(from: 5400, to: 7200, rate: 3, errorShare: 0.01),
        ])
        #expect(errorRate(Replay.run(records)).isEmpty)
    }

    @Test func aDailyCycleRaisesNothing() {
        var gen = SyntheticLog(seed: 9)
        // Ten hours of a rate swinging between 0.5 and 4.5 lines/s over a 6-hour period, in 2-minute
        // steps, with a steady error share and latency.
        let segments = stride(from: 0.0, to: 36_000, by: 120).map { t in
            S(from: t, to: t + 120, rate: 2.5 + 2 * Foundation.sin(2 * .pi * t / 21_600), errorShare: 0.01)
        }
        let engine = Replay.run(gen.records(segments))
        #expect(engine.anomalies.isEmpty, "\(engine.anomalies.map(\.summary))")
    }

    @Test func aShortBaselineWithFewErrorsDoesNotMakeAnOrdinaryWindowAnomalous() {
        // 12 errors in 1,233 lines against 5 in 3,106: three times the share, but the conditional test
        // of the two rates (17 errors, 28% of the lines) stays below the default 4.
        let conditional = BinomialTail.exactSignificance(successes: 12, trials: 17, probability: 1233.0 / 4339)
        let known = BinomialTail.significance(successes: 12, trials: 1233, probability: 5.5 / 3107)
        #expect(known > 4)
        #expect(conditional < 4)
    }

    @Test func exactTailMatchesKnownValues() {
        // P(X ≥ 3 | n = 10, p = 0.1) = 0.0701908 → 1.1537; P(X ≥ 5 | 100, 0.01) = 0.0034317 → 2.4644.
        #expect(abs(BinomialTail.exactSignificance(successes: 3, trials: 10, probability: 0.1) - 1.1537) < 0.001)
        #expect(abs(BinomialTail.exactSignificance(successes: 5, trials: 100, probability: 0.01) - 2.4644) < 0.001)
        #expect(BinomialTail.exactSignificance(successes: 1, trials: 100, probability: 0.01) == 0)
        let exact = BinomialTail.exactSignificance(successes: 40, trials: 100_000, probability: 0.0001)
        #expect(exact >= BinomialTail.significance(successes: 40, trials: 100_000, probability: 0.0001))
        #expect(abs(exact - 12.136) < 0.01)  // P(X ≥ 40 | 1e5, 1e-4) = 7.3e-13, by direct summation
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
