import Foundation
import LogAnalysis

/// Writes the built-in responder's prose: what was seen and where, the likely causes, the
/// next steps.
struct AnswerWriter {
    let context: TroubleshootingContext
    let evidence: EvidenceCollector
    let metrics: [MetricFlags.Flag]

    func write(
        causes: [TroubleshootingAnswer.RootCause], matches: [KnowledgeBase.Match],
        recommendations: [TroubleshootingAnswer.Recommendation]
    ) -> String {
        var parts = [observations()]
        if let top = context.anomalies.first { parts.append(location(top)) }
        if !causes.isEmpty {
            parts.append("Likely causes:\n" + causes.enumerated().map { i, cause in
                var line = "\(i + 1). \(cause.title) (confidence \(Int((cause.confidence * 100).rounded()))%): \(cause.cause)"
                if let example = cause.evidence.first { line += "\n   Seen in: \(example.prefix(300))" }
                return line
            }.joined(separator: "\n"))
        }
        parts.append("Next steps:\n" + recommendations.map { "- \($0.text)" }.joined(separator: "\n"))
        parts.append("(Answered offline by the built-in knowledge base; no LLM is configured.)")
        return parts.joined(separator: "\n\n")
    }

    private func observations() -> String {
        var seen: [String] = []
        if context.anomalies.isEmpty {
            seen.append("No anomalies are open on the watched sources.")
        } else {
            seen.append("\(plural(context.anomalies.count, "anomaly", "anomalies")) detected:")
            seen += context.anomalies.prefix(5).map { "- [\($0.severity.rawValue)] \($0.summary)" }
        }
        for d in context.submitted.suffix(3) { seen.append("Submitted data: " + d.summary) }
        if let top = evidence.templates.first {
            seen.append("Most frequent error pattern: \(top.text.prefix(200)) (\(plural(top.count, "time")))")
        }
        seen += metrics.map { "Metric \($0.name) = \(format($0.value)): \($0.reason)." }
        if !context.sourceSummaries.isEmpty { seen.append("Sources: " + context.sourceSummaries.prefix(8).joined(separator: "; ") + ".") }
        return seen.joined(separator: "\n")
    }

    /// Where the top anomaly shows: the service (source), the pattern and when it began.
    private func location(_ a: Anomaly) -> String {
        var s = "Where: \(service(a.source)) (\(a.source)), \(a.kind.rawValue.replacingOccurrences(of: "_", with: " "))"
        s += " since \(ISO8601DateFormatter().string(from: a.start))."
        if let t = a.template ?? a.samples.first { s += "\nPattern: \(t.prefix(300))" }
        return s
    }

    /// `checkout` for `/var/log/checkout.log`.
    private func service(_ source: String) -> String {
        let last = source.split(separator: "/").last.map(String.init) ?? source
        return last.split(separator: ".").first.map(String.init) ?? last
    }

    private func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e12 ? String(Int64(v)) : String(format: "%.3g", v)
    }
}
