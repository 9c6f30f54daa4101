import Foundation
import LogAnalysis

/// Answers questions offline from the live analysis and the knowledge base. Deterministic:
/// the same context always gives the same answer.
///
/// Evidence (anomaly templates and samples, submitted templates with their counts, error
/// samples, notable metrics) and the question retrieve knowledge-base entries; the answer names
/// where the problem shows, the likely causes, and concrete next steps. Questions clearly
/// unrelated to operations are declined politely.
public struct BuiltinResponder: Sendable {
    public static let providerName = "builtin"
    public let knowledgeBase: KnowledgeBase
    /// Decides which questions are declined as off-topic.
    public let classifier: TopicClassifier
    /// At most this many root causes and recommendations are returned.
    public var maxCauses = 3
    public var maxRecommendations = 6

    public init(knowledgeBase: KnowledgeBase = KnowledgeBase()) {
        self.knowledgeBase = knowledgeBase
        classifier = TopicClassifier(knowledgeBase: knowledgeBase)
    }

    /// The answer to `context.question` from the evidence in `context` (or a polite decline
    /// when the question is clearly off-topic).
    public func answer(_ context: TroubleshootingContext) -> TroubleshootingAnswer {
        if classifier.isOffTopic(context.question) {
            return TroubleshootingAnswer(response: TopicClassifier.declineMessage, recommendations: [], rootCauses: [], provider: Self.providerName)
        }
        let evidence = EvidenceCollector(context)
        let notableMetrics = MetricFlags.notable(context.metrics)
        let lines = evidence.retrievalLines + notableMetrics.map { EvidenceLine($0.evidence) }
        let matches = knowledgeBase.retrieve(question: context.question, evidence: lines, limit: maxCauses)

        var causes: [TroubleshootingAnswer.RootCause] = matches.map {
            .init(title: $0.entry.title, cause: $0.entry.likelyCause, confidence: $0.confidence, evidence: $0.examples)
        }
        var recommendations = RecommendationList(limit: maxRecommendations, excluding: context.rejections)
        for anomaly in context.anomalies.prefix(2) {
            recommendations.add("anomaly-\(anomaly.kind.rawValue)", Self.firstStep(for: anomaly))
        }
        for flag in notableMetrics { recommendations.add("metric-\(flag.name)", flag.advice) }
        for match in matches {
            for (i, step) in match.entry.nextSteps.enumerated() { recommendations.add("\(match.entry.id)-\(i + 1)", step) }
        }
        if recommendations.items.isEmpty {
            recommendations.add("general-1", "Narrow the time window: when did the problem start, and what changed then (deploys, config, traffic)?")
            recommendations.add("general-2", "Share the failing service's logs around that time (POST /api/data) so they can be analyzed here.")
        }
        if causes.isEmpty, let anomaly = context.anomalies.first {
            causes.append(.init(
                title: "Anomaly on \(anomaly.source)", cause: anomaly.summary, confidence: 0.3,
                evidence: Array(anomaly.samples.prefix(3))))
        }
        let prose = AnswerWriter(context: context, evidence: evidence, metrics: notableMetrics)
            .write(causes: causes, matches: matches, recommendations: recommendations.items)
        return TroubleshootingAnswer(
            response: prose, recommendations: recommendations.items, rootCauses: causes, provider: Self.providerName)
    }

    static func firstStep(for a: Anomaly) -> String {
        let at = ISO8601DateFormatter().string(from: a.start)
        switch a.kind {
        case .errorRate: return "Look at \(a.source) from \(at): the error share rose there first; find the first new error message."
        case .newPattern: return "Find what produces the new error '\(a.template ?? a.summary)' in \(a.source) (first seen \(at)); check deploys at that time."
        case .silence: return "Check whether the service writing \(a.source) is still running: it stopped logging at \(at)."
        default: return "Investigate \(a.kind.rawValue) on \(a.source) starting \(at): \(a.summary)"
        }
    }
}
