import FaultMavenCore
import Foundation
@testable import LogAnalysis

/// The seeded generator from Core, so synthetic streams are identical on every run.
typealias SeededRandom = SplitMix64

extension SplitMix64 {
    mutating func unit() -> Double { nextDouble() }
}

/// Deterministic synthetic log streams built from segments with a rate, an error share and a latency.
struct SyntheticLog {
    static let t0 = Date(timeIntervalSince1970: 1_772_438_400)  // 2026-03-02T08:00:00Z

    /// One stretch of traffic on one source.
    struct Segment {
        var source = "app.log"
        var from: TimeInterval
        var to: TimeInterval
        var rate = 2.0
        var errorShare = 0.005
        var latencyMs = 30.0
        /// A template id (≥ 1000) logged as ERROR with this share of lines, for new-pattern tests.
        var newError: (id: Int, share: Double)?
    }

    var rng: SeededRandom

    init(seed: UInt64 = 42) { rng = SeededRandom(seed: seed) }

    /// Records of `segment`, Poisson arrivals, in time order.
    mutating func records(_ s: Segment) -> [LogRecord] {
        var out: [LogRecord] = []
        var t = s.from
        while true {
            t += -Foundation.log(max(1e-12, 1 - rng.unit())) / s.rate
            guard t < s.to else { break }
            let time = SyntheticLog.t0.addingTimeInterval(t)
            let u = rng.unit()
            if let ne = s.newError, u < ne.share {
                out.append(Self.record(s.source, time, .error, id: ne.id,
                                       template: "PaymentGatewayError: card processor returned code <*> for txn <*>",
                                       params: ["\(400 + Int(rng.unit() * 100))", "tx\(Int(rng.unit() * 1e6))"]))
            } else if u < (s.newError?.share ?? 0) + s.errorShare {
                let id = rng.unit() < 0.5 ? 100 : 101
                let template = id == 100 ? "upstream inventory timed out after <*> order=<*>" : "failed to publish event: broker unavailable (attempt <*>)"
                out.append(Self.record(s.source, time, .error, id: id, template: template, params: ["\(Int(rng.unit() * 5) + 1)"]))
            } else if rng.unit() < 0.1 {
                out.append(Self.record(s.source, time, .debug, id: 2, template: "cache hit ratio <*> for shard <*>",
                                       params: ["\(80 + Int(rng.unit() * 5))%", "\(Int(rng.unit() * 16))"]))
            } else {
                let latency = s.latencyMs * Foundation.exp(0.25 * gaussian())
                out.append(Self.record(s.source, time, .info, id: 1, template: "GET /api/orders/<*> <*> in <*>",
                                       params: ["\(Int(rng.unit() * 1e6))", "200", "\(Int(latency))ms"]))
            }
        }
        return out
    }

    /// Records of all segments merged in time order.
    mutating func records(_ segments: [Segment]) -> [LogRecord] {
        segments.flatMap { records($0) }.sorted { ($0.time!, $0.source) < ($1.time!, $1.source) }
    }

    private mutating func gaussian() -> Double {
        let u1 = max(1e-12, rng.unit()), u2 = rng.unit()
        return (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * .pi * u2)
    }

    static func record(
        _ source: String, _ time: Date, _ level: Level, id: Int, template: String, params: [String]
    ) -> LogRecord {
        var message = template
        for p in params {
            if let r = message.range(of: "<*>") { message.replaceSubrange(r, with: p) }
        }
        return LogRecord(source: source, time: time, level: level, message: message, templateID: id,
                         template: template, params: params)
    }

    /// Seconds since `t0`.
    static func at(_ seconds: TimeInterval) -> Date { t0.addingTimeInterval(seconds) }
}

/// Replays records through an engine in event time, as `faultmaven analyze` does.
enum Replay {
    static func run(_ records: [LogRecord], config: AnalysisConfig = AnalysisConfig(), end: Date? = nil) -> AnalysisEngine {
        var engine = AnalysisEngine(config: config)
        for r in records { _ = engine.observe(r, now: r.time!) }
        if let last = end ?? records.last?.time { _ = engine.advance(to: last) }
        return engine
    }

    /// Seconds from `t0` of an anomaly's detection.
    static func detectedAt(_ a: Anomaly) -> TimeInterval { a.detectedAt.timeIntervalSince(SyntheticLog.t0) }
    static func startedAt(_ a: Anomaly) -> TimeInterval { a.start.timeIntervalSince(SyntheticLog.t0) }
}
