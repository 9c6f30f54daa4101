import Foundation
import LogAnalysis

/// Answers questions offline from the live analysis and the knowledge base. Deterministic:
/// the same context always gives the same answer.
public struct BuiltinResponder: Sendable {
    public static let providerName = "builtin"
    public let knowledgeBase: KnowledgeBase
    /// At most this many root causes and recommendations are returned.
    public var maxCauses = 3
    public var maxRecommendations = 6

    public init(knowledgeBase: KnowledgeBase = KnowledgeBase()) {
        self.knowledgeBase = knowledgeBase
    }

    public func answer(_ context: TroubleshootingContext) -> TroubleshootingAnswer {
        let evidence = evidenceLines(context)
        let notableMetrics = MetricFlags.notable(context.metrics)
        let matches = knowledgeBase.match(evidence: evidence + notableMetrics.map(\.evidence), question: context.question)

        var causes: [TroubleshootingAnswer.RootCause] = matches.prefix(maxCauses).map {
            .init(title: $0.entry.title, cause: $0.entry.likelyCause, confidence: ($0.confidence * 100).rounded() / 100, evidence: $0.examples)
        }
        var recommendations: [TroubleshootingAnswer.Recommendation] = []
        var seen = Set<String>()
        func recommend(_ id: String, _ text: String) {
            guard recommendations.count < maxRecommendations, seen.insert(text).inserted else { return }
            recommendations.append(.init(id: id, text: text))
        }
        for anomaly in context.anomalies.prefix(2) {
            recommend("anomaly-\(anomaly.kind.rawValue)", Self.firstStep(for: anomaly))
        }
        for match in matches.prefix(maxCauses) {
            for (i, step) in match.entry.nextSteps.enumerated() { recommend("\(match.entry.id)-\(i + 1)", step) }
        }
        for flag in notableMetrics { recommend("metric-\(flag.name)", flag.advice) }
        if recommendations.isEmpty {
            recommend("general-1", "Narrow the time window: when did the problem start, and what changed then (deploys, config, traffic)?")
            recommend("general-2", "Share the failing service's logs around that time (POST /api/data) so they can be analyzed here.")
        }
        if causes.isEmpty, let anomaly = context.anomalies.first {
            causes.append(.init(
                title: "Anomaly on \(anomaly.source)", cause: anomaly.summary, confidence: 0.3,
                evidence: Array(anomaly.samples.prefix(3))))
        }
        return TroubleshootingAnswer(
            response: prose(context, causes: causes, recommendations: recommendations, metrics: notableMetrics),
            recommendations: recommendations, rootCauses: causes, provider: Self.providerName)
    }

    /// Lines worth matching: anomaly samples and templates, submitted errors, recent live errors.
    func evidenceLines(_ c: TroubleshootingContext) -> [String] {
        var lines: [String] = []
        for a in c.anomalies {
            lines += a.samples
            if let t = a.template { lines.append(t) }
        }
        for d in c.submitted {
            lines += d.errorSamples
            lines += d.templates.filter { $0.level == "ERROR" || $0.level == "FATAL" || $0.level == "WARN" }.map(\.template)
        }
        lines += c.recentErrors
        return lines
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

    func prose(
        _ c: TroubleshootingContext, causes: [TroubleshootingAnswer.RootCause],
        recommendations: [TroubleshootingAnswer.Recommendation], metrics: [MetricFlags.Flag]
    ) -> String {
        var parts: [String] = []
        var seen: [String] = []
        if c.anomalies.isEmpty {
            seen.append("No anomalies are open on the watched sources.")
        } else {
            seen.append("\(plural(c.anomalies.count, "anomaly", "anomalies")) detected:")
            seen += c.anomalies.prefix(5).map { "- [\($0.severity.rawValue)] \($0.summary)" }
        }
        for d in c.submitted.suffix(3) { seen.append("Submitted data: " + d.summary) }
        seen += metrics.map { "Metric \($0.name) = \(format($0.value)): \($0.reason)." }
        if !c.sourceSummaries.isEmpty { seen.append("Sources: " + c.sourceSummaries.prefix(8).joined(separator: "; ") + ".") }
        parts.append(seen.joined(separator: "\n"))
        if !causes.isEmpty {
            parts.append("Likely causes:\n" + causes.enumerated().map { i, cause in
                "\(i + 1). \(cause.title) (confidence \(Int(cause.confidence * 100))%): \(cause.cause)"
            }.joined(separator: "\n"))
        }
        parts.append("Next steps:\n" + recommendations.map { "- \($0.text)" }.joined(separator: "\n"))
        parts.append("(Answered offline by the built-in knowledge base; no LLM is configured.)")
        return parts.joined(separator: "\n\n")
    }

    private func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e12 ? String(Int64(v)) : String(format: "%.3g", v)
    }
}
