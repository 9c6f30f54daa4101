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
        #expect(answer.rootCauses.first?.title == "TLS certificate expired")
        #expect(answer.response.contains("Detected 2 errors and 0 warnings"))
    }

    @Test func offTopicQuestionsAreDeclinedPolitely() {
        let answer = BuiltinResponder().answer(TroubleshootingContext(question: "What's a good recipe for banana bread?"))
        #expect(answer.response == TopicClassifier.declineMessage)
        #expect(answer.rootCauses.isEmpty && answer.recommendations.isEmpty)
        #expect(answer.provider == "builtin")
        let ops = BuiltinResponder().answer(TroubleshootingContext(question: "why does the recipe service crash with OOMKilled?"))
        #expect(ops.response != TopicClassifier.declineMessage)
        #expect(ops.rootCauses.first?.title == "Container OOMKilled")
    }

    /// The shape of ../shared/eval/incidents: a new error pattern on one service among noisy warnings.
    @Test func incidentAnswerNamesServicePatternAndACommand() {
        let a = Anomaly(
            id: "a-7", kind: .newPattern, source: "/data/checkout.log", start: Date(timeIntervalSince1970: 1_772_438_400),
            end: Date(timeIntervalSince1970: 1_772_438_700), detectedAt: Date(timeIntervalSince1970: 1_772_438_430),
            severity: .high, score: 11, template: "failed to publish event order.created: broker unavailable (attempt <*>)",
            samples: ["failed to publish event order.created: broker unavailable (attempt 3)"],
            summary: "New error pattern in checkout.log")
        let digest = LogDigest(
            lines: 2000, events: 2000, levels: ["WARN": 867, "ERROR": 77], errorSamples: [],
            templates: [
                .init(template: "slow query on table orders took <*>ms", count: 867, level: "WARN"),
                .init(template: "failed to publish event order.created: broker unavailable (attempt <*>)", count: 39, level: "ERROR"),
            ], anomalies: [])
        let answer = BuiltinResponder().answer(TroubleshootingContext(question: "What caused this incident?", anomalies: [a], submitted: [digest]))
        #expect(answer.rootCauses.map(\.title).contains("Message broker unavailable (publishing fails)"))
        #expect(answer.response.contains("Where: checkout (/data/checkout.log), new pattern since 2026-03-02T08:00:00Z"))
        #expect(answer.response.contains("Pattern: failed to publish event order.created"))
        #expect(answer.recommendations.first?.text.contains("checkout.log") == true)
        #expect(answer.recommendations.contains { $0.id.hasPrefix("broker-unavailable-") && $0.text.contains("`") })
        #expect(answer.response.contains("Most frequent error pattern: slow query on table orders"))
    }

    /// The request QueryServer's tests send (the original FaultMaven request shape).
    @Test func queryServerContractStillHolds() {
        var a = Self.anomaly(.errorRate, samples: ["connection refused to db-1:5432"])
        a.source = "/var/log/app.log"
        let digest = LogDigest(
            lines: 2, events: 2, levels: ["ERROR": 1, "WARN": 0], errorSamples: ["2026-03-02 08:00:00 ERROR connection refused to db-1:5432"],
            templates: [], anomalies: [])
        let answer = BuiltinResponder().answer(TroubleshootingContext(
            question: "why is the app failing?", anomalies: [a], recentErrors: ["connection refused to db-1:5432"], submitted: [digest],
            metrics: ["cpu_usage": 97]))
        #expect(answer.rootCauses.first?.title == "Dependency refusing connections")
        #expect(answer.recommendations.contains { $0.id == "metric-cpu_usage" })
        #expect(answer.response.contains("Submitted data: Log analysis complete."))
    }
}

