import FaultMavenCore
import Foundation
import Testing
@testable import LogAnalysis

@Suite struct EventRingTests {
    private func event(_ i: Int, bytes: Int = 36, level: Level = .info, template: Int? = 1) -> RecentEvent {
        let text = String(repeating: "x", count: max(0, bytes - 4)) + String(format: "%04d", i % 10000)
        return RecentEvent(time: SyntheticLog.at(Double(i)), level: level, templateID: template, text: text)
    }

    @Test func budgetIsHonouredAndEvictionsCounted() {
        let cost = 36 + RecentEvent.overhead
        var ring = EventRing(budget: 10 * cost)
        for i in 0..<1000 {
            ring.append(event(i))
            #expect(ring.bytes <= ring.budget)
        }
        #expect(ring.count == 10 && ring.evictedCount == 990)
        #expect(ring.events.map(\.time) == (990..<1000).map { SyntheticLog.at(Double($0)) })
        // Shrinking the budget evicts the oldest.
        ring.setBudget(4 * cost)
        #expect(ring.count == 4 && ring.evictedCount == 996 && ring.events.first?.time == SyntheticLog.at(996))
        // An event larger than the whole budget is not kept, and counted.
        ring.append(event(2000, bytes: 10 * cost))
        #expect(ring.count == 4 && ring.evictedCount == 997)
        var empty = EventRing(budget: -5)
        empty.append(event(1))
        #expect(empty.count == 0 && empty.budget == 0 && empty.evictedCount == 1)
    }

    @Test func latestFiltersNewestFirstAndReturnsOldestFirst() {
        var ring = EventRing(budget: 1 << 20)
        for i in 0..<100 { ring.append(event(i, level: i % 10 == 0 ? .error : .info, template: i % 3)) }
        let errors = ring.latest(3) { $0.level.isError }
        #expect(errors.map(\.time) == [70, 80, 90].map { SyntheticLog.at(Double($0)) })
        #expect(ring.latest(2) { $0.templateID == 2 }.map(\.time) == [95, 98].map { SyntheticLog.at(Double($0)) })
        #expect(ring.latest(0).isEmpty)
    }

    @Test func theEngineSharesTheBudgetAmongSources() {
        var config = AnalysisConfig()
        config.recentEventBytes = 20_000
        var engine = AnalysisEngine(config: config)
        for i in 0..<3000 {
            let source = ["a.log", "b.log", "c.log"][i % 3]
            let r = SyntheticLog.record(source, SyntheticLog.at(Double(i) / 10), .info, id: 1,
                                        template: "tick <*>", params: ["\(i)"])
            _ = engine.observe(r, now: r.time!)
        }
        let rings = ["a.log", "b.log", "c.log"].compactMap { engine.stats(for: $0)?.recentEvents }
        #expect(rings.count == 3)
        #expect(rings.reduce(0) { $0 + $1.bytes } <= 20_000)
        #expect(rings.allSatisfy { $0.budget == 20_000 / 3 && $0.count > 0 })
        #expect(engine.counters.recentEventsEvicted == 3000 - rings.reduce(0) { $0 + $1.count })
    }

    @Test func anErrorBurstCarriesItsErrorLinesToTheIncident() throws {
        var gen = SyntheticLog(seed: 51)
        let records = gen.records([
            .init(from: 0, to: 2400, errorShare: 0.01),
            .init(from: 2400, to: 2700, errorShare: 0.2),
            .init(from: 2700, to: 3000, errorShare: 0.01),
        ])
        let engine = Replay.run(records)
        let a = try #require(engine.anomalies.first { $0.kind == .errorRate })
        #expect(a.samples.count == AnalysisConfig().maxSamples)
        let incident = try #require(engine.incidents.first { $0.id == a.incidentID })
        #expect(!incident.samples.isEmpty)
        #expect(incident.samples.allSatisfy { $0.level == "ERROR" && $0.time >= a.start && $0.time <= a.detectedAt })
    }
}
