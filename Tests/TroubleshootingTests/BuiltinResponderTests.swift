import Foundation
import LogAnalysis
import Testing
@testable import Troubleshooting

@Suite struct BuiltinResponderTests {
    static func anomaly(_ kind: AnomalyKind = .newPattern, samples: [String], template: String? = nil) -> Anomaly {
        Anomaly(
            id: "a-1", kind: kind, source: "/var/log/payments.log", start: Date(timeIntervalSince1970: 1_772_438_400),
            end: Date(timeIntervalSince1970: 1_772_438_460), detectedAt: Date(timeIntervalSince1970: 1_772_438_410),
            severity: .high, score: 9, template: template, samples: samples, summary: "New error pattern in payments.log")
    }

    @Test func matchesKnowledgeFromAnomalySamples() {
        let a = Self.anomaly(samples: ["could not obtain connection to db-primary:5432 within 5000ms: pool exhausted"])
        let answer = BuiltinResponder().answer(TroubleshootingContext(question: "why are payments failing?", anomalies: [a]))
        #expect(answer.provider == "builtin")
        #expect(answer.rootCauses.first?.title == "Connection or thread pool exhausted")
        #expect(answer.recommendations.first?.id == "anomaly-new_pattern")
        #expect(answer.recommendations.contains { $0.id.hasPrefix("pool-exhausted-") })
        #expect(answer.response.contains("Likely causes"))
        #expect(answer.response.contains("no LLM is configured"))
    }

    @Test func deterministic() {
        let ctx = TroubleshootingContext(question: "disk?", recentErrors: ["write failed: No space left on device", "connection refused"])
        #expect(BuiltinResponder().answer(ctx) == BuiltinResponder().answer(ctx))
    }

    @Test func metricsAreFlagged() {
        let answer = BuiltinResponder().answer(TroubleshootingContext(question: "status", metrics: ["cpu_usage": 97, "memory_ratio": 0.2]))
        #expect(answer.recommendations.contains { $0.id == "metric-cpu_usage" })
        #expect(!answer.recommendations.contains { $0.id == "metric-memory_ratio" })
        #expect(answer.response.contains("cpu_usage = 97"))
        #expect(answer.rootCauses.first?.title == "CPU saturation")
    }

    @Test func withNothingToGoOnItSaysSoAndAsksForData() {
        let answer = BuiltinResponder().answer(TroubleshootingContext(question: "hello"))
        #expect(answer.rootCauses.isEmpty)
        #expect(answer.recommendations.map(\.id) == ["general-1", "general-2"])
        #expect(answer.response.contains("No anomalies are open"))
    }

    @Test func submittedDataIsEvidence() {
        let digest = LogDigest(
            lines: 3, events: 3, levels: ["ERROR": 2, "INFO": 1],
            errorSamples: ["SSL handshake failed: certificate has expired"], templates: [], anomalies: [])
        let answer = BuiltinResponder().answer(TroubleshootingContext(question: "what now?", submitted: [digest]))
        #expect(answer.rootCauses.first?.title == "TLS or certificate errors")
        #expect(answer.response.contains("Detected 2 errors and 0 warnings"))
    }
}

@Suite struct KnowledgeBaseTests {
    @Test func everyEntryIsUsable() {
        let kb = KnowledgeBase()
        #expect(Set(kb.entries.map(\.id)).count == kb.entries.count, "ids are unique")
        for e in kb.entries {
            #expect(!e.signals.isEmpty && !e.nextSteps.isEmpty, "\(e.id)")
            #expect(e.signals.allSatisfy { $0 == $0.lowercased() }, "signals are lower-case: \(e.id)")
            // Each entry recognizes its own first signal.
            #expect(kb.match(evidence: ["x " + e.signals[0] + " y"], question: "").contains { $0.entry.id == e.id })
        }
    }

    @Test func moreHitsRankHigher() {
        let m = KnowledgeBase().match(evidence: ["connection refused", "connection refused", "request timed out"], question: "")
        #expect(m.map(\.entry.id).prefix(2) == ["connection-refused", "timeout"])
        #expect(m[0].confidence > m[1].confidence)
    }

    @Test func questionTopicAloneMatchesOnlyWithoutEvidence() {
        let kb = KnowledgeBase()
        #expect(kb.match(evidence: [], question: "is the disk full?").first?.entry.id == "disk-full")
        #expect(kb.match(evidence: ["connection refused"], question: "is the disk full?").map(\.entry.id) == ["connection-refused"])
    }
}
