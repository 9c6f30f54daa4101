import FaultMavenCore
import Foundation
import Testing
@testable import LogAnalysis

@Suite struct NewPatternDetectorTests {
    typealias S = SyntheticLog.Segment
    private let tpl = "PaymentGatewayError: card processor returned code <*> for txn <*>"

    private func newPatterns(_ engine: AnalysisEngine) -> [Anomaly] { engine.anomalies.filter { $0.kind == .newPattern } }

    private func occurrence(_ t: TimeInterval, level: Level = .error, id: Int = 1000) -> LogRecord {
        SyntheticLog.record("app.log", SyntheticLog.at(t), level, id: id, template: tpl, params: ["502", "tx\(Int(t))"])
    }

    private func merged(_ a: [LogRecord], _ b: [LogRecord]) -> [LogRecord] {
        (a + b).sorted { $0.time! < $1.time! }
    }

    @Test func recurringNewErrorFiresQuicklyAndOnce() {
        var gen = SyntheticLog(seed: 11)
        let records = gen.records([
            S(from: 0, to: 2400),
            S(from: 2400, to: 2760, newError: (1000, 0.03)),
            S(from: 2760, to: 3600),
        ])
        let found = newPatterns(Replay.run(records))
        #expect(found.count == 1)
        guard let a = found.first else { return }
        #expect(a.templateID == 1000 && a.template == tpl)
        #expect(Replay.detectedAt(a) >= 2400 && Replay.detectedAt(a) <= 2400 + 180)
        #expect(Replay.startedAt(a) >= 2400)
        #expect(!a.samples.isEmpty && a.samples.count <= 5)
        #expect(a.samples.allSatisfy { $0.hasPrefix("PaymentGatewayError") })
        #expect(Int(a.evidence["occurrences"] ?? "") ?? 0 >= 3)
        #expect(!a.isOpen)
    }

    @Test func aTemplateSeenDuringWarmUpIsKnown() {
        var gen = SyntheticLog(seed: 12)
        let base = gen.records([S(from: 0, to: 3600)])
        let later = stride(from: 2400.0, to: 2700, by: 20).map { occurrence($0) }
        let engine = Replay.run(merged(base, [occurrence(120)] + later))
        #expect(newPatterns(engine).isEmpty)
    }

    @Test func aTemplateKnownFromAnEarlierRunIsNotNew() {
        var gen = SyntheticLog(seed: 11)
        let records = gen.records([
            S(from: 0, to: 2400),
            S(from: 2400, to: 2760, newError: (1000, 0.03)),
            S(from: 2760, to: 3600),
        ])
        var engine = AnalysisEngine()
        engine.assumeKnown(templateIDs: [1000])
        for r in records { _ = engine.observe(r, now: r.time!) }
        _ = engine.advance(to: records.last!.time!)
        #expect(newPatterns(engine).isEmpty)
        // The same run without the earlier template fires (see recurringNewErrorFiresQuicklyAndOnce).
        #expect(newPatterns(Replay.run(records)).count == 1)
    }

    @Test func oneOrTwoStrayNewErrorsDoNotFire() {
        var gen = SyntheticLog(seed: 13)
        let base = gen.records([S(from: 0, to: 3600)])
        #expect(newPatterns(Replay.run(merged(base, [occurrence(2400)]))).isEmpty)
        #expect(newPatterns(Replay.run(merged(base, [occurrence(2400), occurrence(2500)]))).isEmpty)
    }

    @Test func warningsCountOnlyWhenConfigured() {
        var gen = SyntheticLog(seed: 14)
        let base = gen.records([S(from: 0, to: 3000)])
        let warns = stride(from: 2400.0, to: 2700, by: 15).map { occurrence($0, level: .warn) }
        let records = merged(base, warns)
        #expect(newPatterns(Replay.run(records)).isEmpty)
        var config = AnalysisConfig()
        config.newPattern.minLevel = .warn
        #expect(newPatterns(Replay.run(records, config: config)).count == 1)
    }

    @Test func aRareErrorThatDidNotRecurWhileNewBecomesBackground() {
        var gen = SyntheticLog(seed: 15)
        let base = gen.records([S(from: 0, to: 5400)])
        // First seen at 1800, then once every 5 minutes: never 3 within 5 minutes while new.
        let sporadic = stride(from: 1800.0, to: 3600, by: 310).map { occurrence($0) }
        // Much later it clusters, but it has long been known.
        let cluster = [4000.0, 4010, 4020, 4030].map { occurrence($0) }
        #expect(newPatterns(Replay.run(merged(base, sporadic + cluster))).isEmpty)
    }

    @Test func aVariantOfAKnownErrorTemplateIsNotNew() {
        var gen = SyntheticLog(seed: 16)
        let base = gen.records([S(from: 0, to: 3000)])
        // id 100 is a known background error; id 2000 differs in one literal token of seven.
        let variant = stride(from: 2400.0, to: 2600, by: 10).map {
            SyntheticLog.record("app.log", SyntheticLog.at($0), .error, id: 2000,
                                template: "upstream payments timed out after <*> order=<*>", params: ["1", "2"])
        }
        #expect(newPatterns(Replay.run(merged(base, variant))).isEmpty)
    }

    @Test func nothingIsNewDuringWarmUp() {
        var gen = SyntheticLog(seed: 17)
        let records = gen.records([S(from: 0, to: 900, newError: (1000, 0.05))])
        #expect(newPatterns(Replay.run(records)).isEmpty)
    }
}

@Suite struct NewPatternRecurrenceTests {
    private let tpl = "PaymentGatewayError: card processor returned code <*> for txn <*>"

    private func occurrence(_ t: TimeInterval) -> LogRecord {
        SyntheticLog.record("app.log", SyntheticLog.at(t), .error, id: 1000, template: tpl, params: ["502", "tx\(Int(t))"])
    }

    private func newPatterns(_ base: [LogRecord], _ times: [TimeInterval]) -> [Anomaly] {
        let records = (base + times.map(occurrence)).sorted { $0.time! < $1.time! }
        return Replay.run(records).anomalies.filter { $0.kind == .newPattern }
    }

    @Test func aSecondOccurrenceSoonAfterALongCleanHistoryFires() {
        var gen = SyntheticLog(seed: 18)
        let base = gen.records([SyntheticLog.Segment(from: 0, to: 7200)])
        // Two hours watched; the repeat follows within 20 s: P(Poisson(20/7200) ≥ 1) ≈ 0.003.
        let found = newPatterns(base, [7000, 7020])
        #expect(found.count == 1)
        #expect(found.first.map(Replay.detectedAt) == 7020)
        #expect(found.first.map(Replay.startedAt) == 7000)
    }

    @Test func theSameRepeatRightAfterTheWarmUpNeedsMoreEvidence() {
        var gen = SyntheticLog(seed: 19)
        let base = gen.records([SyntheticLog.Segment(from: 0, to: 1800)])
        // Watched 700 s only: a repeat after 20 s is not rare enough (≈ 0.028); a third within 60 s is.
        #expect(newPatterns(base, [700, 720]).isEmpty)
        let found = newPatterns(base, [700, 720, 760])
        #expect(found.count == 1 && found.first.map(Replay.detectedAt) == 760)
    }

    @Test func poissonTailMatchesKnownValues() {
        // P(N ≥ 1 | 0.01) = 1 - e^-0.01; P(N ≥ 2 | 0.5) = 1 - 1.5 e^-0.5.
        #expect(abs(PoissonTail.probability(atLeast: 1, mean: 0.01) - (1 - Foundation.exp(-0.01))) < 1e-12)
        #expect(abs(PoissonTail.probability(atLeast: 2, mean: 0.5) - (1 - 1.5 * Foundation.exp(-0.5))) < 1e-12)
        #expect(PoissonTail.probability(atLeast: 0, mean: 3) == 1)
        #expect(PoissonTail.probability(atLeast: 3, mean: 0) == 0)
        #expect(PoissonTail.probability(atLeast: 40, mean: 1e-3) > 0)
    }
}
