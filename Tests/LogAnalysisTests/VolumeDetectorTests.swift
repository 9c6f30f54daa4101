import FaultMavenCore
import Foundation
import Testing
@testable import LogAnalysis

@Suite struct VolumeDetectorTests {
    typealias S = SyntheticLog.Segment

    private var enabled: AnalysisConfig {
        var c = AnalysisConfig()
        c.volume.enabled = true
        return c
    }

    private func volumes(_ records: [LogRecord], config: AnalysisConfig? = nil) -> [Anomaly] {
        Replay.run(records, config: config ?? enabled).anomalies.filter { $0.kind == .volume }
    }

    @Test func aTenfoldSurgeFiresOnceAndResolves() throws {
        var gen = SyntheticLog(seed: 61)
        let records = gen.records([S(from: 0, to: 2400), S(from: 2400, to: 2700, rate: 20), S(from: 2700, to: 3600)])
        let found = volumes(records)
        #expect(found.count == 1)
        let a = try #require(found.first)
        #expect(Replay.detectedAt(a) > 2400 && Replay.detectedAt(a) <= 2400 + 90)
        #expect(Replay.startedAt(a) >= 2400 - 30)
        #expect(!a.isOpen && a.end.timeIntervalSince(SyntheticLog.t0) <= 2700 + 120)
        #expect(a.summary.contains("rose") && (Double(a.evidence["ratio"] ?? "") ?? 0) >= 5)
        #expect(!a.samples.isEmpty)
        // Off by default.
        #expect(volumes(records, config: AnalysisConfig()).isEmpty)
    }

    @Test func tripleTrafficWithTheSameShareIsNotAnAnomalyOfAnyKind() {
        var gen = SyntheticLog(seed: 62)
        // ×3 is ordinary load (minRatio 5): the band of this steady source is narrow, but the ratio is
        // below what volume reports, and the error share is unchanged.
        let records = gen.records([S(from: 0, to: 2400, rate: 3), S(from: 2400, to: 3000, rate: 9), S(from: 3000, to: 3600, rate: 3)])
        #expect(Replay.run(records, config: enabled).anomalies.isEmpty)
    }

    @Test func aDropWhileStillLoggingFiresButASilenceIsLeftToSilence() throws {
        var gen = SyntheticLog(seed: 63)
        let drop = gen.records([S(from: 0, to: 2400, rate: 5), S(from: 2400, to: 3000, rate: 0.3), S(from: 3000, to: 3600, rate: 5)])
        let found = volumes(drop)
        #expect(found.count == 1)
        #expect(found.first?.summary.contains("fell") == true)
        #expect(found.first.map { Replay.detectedAt($0) > 2400 && Replay.detectedAt($0) <= 2400 + 330 } == true)

        var gen2 = SyntheticLog(seed: 64)
        let silent = gen2.records([S(from: 0, to: 2400, rate: 5), S(from: 2700, to: 3600, rate: 5)])
        let engine = Replay.run(silent, config: enabled)
        #expect(engine.anomalies.map(\.kind) == [.silence])
    }

    @Test func aDailyCycleLikeDriftIsNotAnAnomaly() {
        var gen = SyntheticLog(seed: 65)
        // The rate swings ×4 peak to trough over six hours, in 5-minute steps.
        var segments: [S] = []
        for k in 0..<72 {
            let phase: Double = 2 * Double.pi * Double(k) / 72
            let rate: Double = 4 * Foundation.exp(Foundation.log(2.0) * Foundation.sin(phase))
            segments.append(S(from: Double(k) * 300, to: Double(k + 1) * 300, rate: rate))
        }
        #expect(volumes(gen.records(segments)).isEmpty)
    }

    @Test func aBurstySourceHasAWideBand() {
        var gen = SyntheticLog(seed: 66)
        // Every other 5-minute block is 6× busier: normal for this source, so 6× is within its band.
        var segments: [S] = []
        for k in 0..<14 {
            let rate: Double = k % 2 == 0 ? 1 : 6
            segments.append(S(from: Double(k) * 300, to: Double(k + 1) * 300, rate: rate))
        }
        #expect(volumes(gen.records(segments)).isEmpty)
    }
}
