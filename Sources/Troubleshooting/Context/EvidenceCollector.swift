import Foundation
import LogAnalysis

/// Gathers a context's evidence into prioritised sections and retrieval lines.
struct EvidenceCollector {
    let context: TroubleshootingContext
    /// Error/warning templates with counts, most frequent first (submitted digests' templates
    /// and repeated live errors).
    let templates: [(text: String, count: Int, level: String)]
    /// Distinct sample lines not already shown as templates.
    let samples: [String]

    init(_ context: TroubleshootingContext) {
        self.context = context
        var counts: [String: (count: Int, level: String, order: Int)] = [:]
        func add(_ text: String, _ n: Int, _ level: String) {
            if let old = counts[text] {
                counts[text] = (old.count + n, old.level, old.order)
            } else {
                counts[text] = (n, level, counts.count)
            }
        }
        for d in context.submitted {
            for t in d.templates where ["ERROR", "FATAL", "WARN"].contains(t.level) { add(t.template, t.count, t.level) }
        }
        var live: [String: Int] = [:]
        for e in context.recentErrors { live[e, default: 0] += 1 }
        for (text, n) in live where n > 1 { add(text, n, "ERROR") }
        templates = counts.sorted { ($1.value.count, $0.value.order) < ($0.value.count, $1.value.order) }
            .map { ($0.key, $0.value.count, $0.value.level) }
        var seen = Set(counts.keys)
        var samples: [String] = []
        for line in context.recentErrors + context.submitted.flatMap(\.errorSamples) where seen.insert(line).inserted {
            samples.append(line)
        }
        self.samples = samples
    }

    var isEmpty: Bool { context.anomalies.isEmpty && templates.isEmpty && samples.isEmpty && context.submitted.isEmpty }

    /// Lines for knowledge-base retrieval, weighted by how many events they stand for.
    var retrievalLines: [EvidenceLine] {
        var lines: [EvidenceLine] = []
        for a in context.anomalies {
            if let t = a.template { lines.append(EvidenceLine(t, weight: 10)) }
            lines += a.samples.map { EvidenceLine($0, weight: 5) }
        }
        lines += templates.map { EvidenceLine($0.text, weight: $0.count) }
        lines += samples.map { EvidenceLine($0) }
        return lines
    }

    func sections(knowledge: [KnowledgeBase.Match]) -> [ContextSection] {
        let rejections = context.rejections
        return [
            ContextSection(
                key: "rejected", title: "Rejected by the engineer (do not suggest these again)",
                unit: .init(singular: "recommendation", plural: "recommendations"), items: context.rejected.map { "- " + $0 }),
            ContextSection(
                key: "anomalies", title: "Anomalies (most relevant first)", unit: .init(singular: "anomaly", plural: "anomalies"),
                items: context.anomalies.map(Self.describe)),
            ContextSection(
                key: "templates", title: "Top error templates (count × template)", unit: .init(singular: "template", plural: "templates"),
                items: templates.map { "- \($0.count)× [\($0.level)] \($0.text)" }),
            ContextSection(key: "samples", title: "Sample lines", unit: ContextSection.lines, items: samples.map { "- " + $0 }),
            ContextSection(
                key: "knowledge", title: "Matching knowledge-base entries", unit: .init(singular: "entry", plural: "entries"),
                items: knowledge.map { Self.describe($0, excluding: rejections) }),
            ContextSection(
                key: "past_cases", title: "Past cases (fixes the engineers accepted for similar incidents)",
                unit: .init(singular: "case", plural: "cases"), items: context.pastCases.map { "- " + $0 }),
            ContextSection(key: "data", title: "Data summaries", unit: .init(singular: "summary", plural: "summaries"), items: dataSummaries),
        ]
    }

    var dataSummaries: [String] {
        var items = context.sourceSummaries.map { "- " + $0 }
        items += context.submitted.map { "- Submitted data (\($0.lines) lines): " + $0.summary }
        items += context.metrics.keys.sorted().map { "- Metric \($0) = \(context.metrics[$0] ?? 0)" }
        return items
    }

    static func describe(_ a: Anomaly) -> String {
        let f = ISO8601DateFormatter()
        var s = "- [\(a.severity.rawValue)] \(a.kind.rawValue) on \(a.source) since \(f.string(from: a.start))"
        s += " (detected \(f.string(from: a.detectedAt)), \(a.isOpen ? "open" : "closed")): \(a.summary)"
        if let t = a.template { s += "\n  template: \(t)" }
        if !a.evidence.isEmpty {
            s += "\n  evidence: " + a.evidence.keys.sorted().map { "\($0)=\(a.evidence[$0] ?? "")" }.joined(separator: ", ")
        }
        for sample in a.samples.prefix(3) { s += "\n  sample: \(sample)" }
        return s
    }

    /// A knowledge-base entry, without the next steps the engineer rejected.
    static func describe(_ m: KnowledgeBase.Match, excluding rejections: Rejections) -> String {
        let e = m.entry
        let steps = e.nextSteps.enumerated().filter { !rejections.contains(id: "\(e.id)-\($0.offset + 1)", text: $0.element) }
        var s = "- \(e.title) [kb:\(e.id), \(e.severity.rawValue), confidence \(Int(m.confidence * 100))%]"
        s += "\n  causes: " + e.likelyCauses.joined(separator: " ")
        if !steps.isEmpty { s += "\n  next steps: " + steps.map(\.element).joined(separator: " ") }
        return s
    }
}
