import FaultMavenCore
import Foundation
import Testing
@testable import LogAnalysis

@Suite struct MetricDistributionTests {
    typealias S = SyntheticLog.Segment

    private func bins(_ values: [Double]) -> [(bin: UInt16, weight: Int)] {
        values.map { (LogScale.bin($0), 1) }.sorted { $0.bin < $1.bin }
    }

    @Test func summaryGivesMedianAndMADOnTheLogScale() throws {
        // log1p of 99 values spread evenly in ln around 100: median ≈ 100, MAD ≈ the spread.
        let values = (0..<99).map { Foundation.expm1(Foundation.log1p(100) + 0.4 * (Double($0) / 98 - 0.5)) }
        let s = try #require(RobustSummary(sortedBins: bins(values)))
        #expect(s.count == 99)
        #expect(abs(s.typical - 100) / 100 < 0.04)
        #expect(abs(s.mad - 0.1) < 0.02)
        // One huge outlier moves neither.
        let t = try #require(RobustSummary(sortedBins: bins(values + [1e9])))
        #expect(abs(t.median - s.median) < 0.02 && abs(t.mad - s.mad) < 0.02)
        #expect(RobustSummary(sortedBins: []) == nil)
    }

    @Test func histogramRemovesExactlyWhatItAdded() {
        var rng = SplitMix64(seed: 7)
        var a = MetricBucket(), b = MetricBucket()
        for i in 0..<50 { a.add(LogScale.bin(Double(20 + i)), random: &rng) }
        for i in 0..<3 { b.add(LogScale.bin(Double(1000 * (i + 1))), random: &rng) }
        #expect(a.count == 50 && a.sampled == MetricBucket.slots)
        var h = LogHistogram()
        h.add(a)
        h.add(b)
        #expect(h.total == 53)
        h.remove(a)
        #expect(h.total == 3)
        #expect(h.summary().map { abs($0.typical - 2000) / 2000 < 0.05 } == true)
        h.remove(b)
        #expect(h.total == 0 && h.counts.isEmpty)
    }

    @Test func baselineFollowsTheRingAndMemoryStaysConstant() {
        var series = MetricSeries(key: "f:x", name: "x", unit: "ms", width: 10, capacity: 36, time: SyntheticLog.at(0))
        var t = 0.0
        for i in 0..<5000 {
            t += 1.7
            series.add(Double(20 + i % 50), at: SyntheticLog.at(t), anomalous: i % 997 == 0)
        }
        series.roll(to: SyntheticLog.at(t + 10))
        // The baseline holds exactly the closed, non-anomalous buckets still in the ring.
        let expected = series.buckets.sum(from: 1, count: series.buckets.capacity) { !$0.anomalous }.total.count
        #expect(series.baseline.total == expected)
        #expect(series.buckets.count == 36)
        // Values 20–69 occupy a fixed range of bins, however long the stream.
        #expect(series.baseline.counts.count <= Int(LogScale.bin(69)) - Int(LogScale.bin(20)) + 1)
    }

    @Test func aFewHugeOutliersInAQuietSeriesDoNotFire() {
        var gen = SyntheticLog(seed: 35)
        // ~20 latencies a minute; then three in one minute are 1000× slower. The mean of log values
        // would move ×2.8 (and 4 sd); the median does not move.
        var records = gen.records([S(from: 0, to: 3000, rate: 0.25)])
        for k in 0..<3 {
            let time = SyntheticLog.at(2400 + Double(k) * 15 + 0.5)
            records.append(SyntheticLog.record(
                "app.log", time, .info, id: 1, template: "GET /api/orders/<*> <*> in <*>", params: ["1", "200", "30000ms"]))
        }
        records.sort { $0.time! < $1.time! }
        #expect(Replay.run(records).anomalies.filter { $0.kind == .metricShift }.isEmpty)
    }

    @Test func aSustainedTripleLatencyIsFoundWithItsTemplateLines() throws {
        var gen = SyntheticLog(seed: 36)
        let records = gen.records([S(from: 0, to: 2400), S(from: 2400, to: 2700, latencyMs: 90), S(from: 2700, to: 3000)])
        let engine = Replay.run(records)
        let found = engine.anomalies.filter { $0.kind == .metricShift }
        #expect(found.count == 1)
        let a = try #require(found.first)
        #expect(Replay.detectedAt(a) > 2400 && Replay.detectedAt(a) <= 2400 + 90)
        let ratio = try #require(Double(a.evidence["ratio"] ?? ""))
        #expect(ratio >= 2.4 && ratio <= 3.6)
        // The evidence lines are lines of the template whose parameter moved, from the shifted stretch.
        #expect(a.templateID == 1)
        #expect(!a.samples.isEmpty && a.samples.allSatisfy { $0.hasPrefix("GET /api/orders/") })
        let incident = try #require(engine.incidents.first { $0.id == a.incidentID })
        #expect(incident.templates == ["GET /api/orders/<*> <*> in <*>"])
        #expect(!incident.samples.isEmpty && incident.samples.allSatisfy { $0.source == "app.log" && $0.time <= a.detectedAt })
    }

    @Test func numericTokensWithUnitsInAnyCase() {
        #expect(NumericValue.parse("53MS")?.value == 53)
        #expect(NumericValue.parse("2Sec")?.value == 2000)
        #expect(NumericValue.parse("250µs")?.value == 0.25)
        #expect(NumericValue.parse("250us")?.unit == "us")
        #expect(NumericValue.parse("3ns")?.value == 3.0 / 1_000_000)
        #expect(NumericValue.parse("12kb")?.unit == "kb")
        #expect(NumericValue.parse("5\u{0}s") == nil)
        #expect(NumericValue.parse("5msec") == nil)
        #expect(NumericValue.parse("1.") == nil)
        #expect(NumericValue.parse(".5") == nil)
        #expect(NumericValue.parse("5\u{301}") == nil)
    }
}
