import Foundation
import QueryServer

/// `analyze --format text`: the report for a person at a terminal.
public enum AnalyzeTextRenderer {
    public static func render(_ r: AnalyzeReport) -> String {
        var out = "Files\n"
        for f in r.files {
            let levels = f.levels.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            out += "  \(f.path): \(f.lines) lines, \(f.events) events, format \(f.format)\(levels.isEmpty ? "" : " (\(levels))")\n"
        }
        out += "\nTop templates\n"
        for t in r.templates.prefix(10) {
            out += "  \(String(t.count).padding(toLength: 8, withPad: " ", startingAt: 0)) \(t.level.padding(toLength: 7, withPad: " ", startingAt: 0)) \(t.template)\n"
        }
        out += "\nAnomalies\n"
        if r.anomalies.isEmpty { out += "  none\n" }
        for a in r.anomalies {
            out += "  [\(a.kind.rawValue) \(a.severity.rawValue)] \(RFC3339.string(a.start)) \(a.source)\n    \(a.summary)\n"
        }
        if !r.incidents.isEmpty {
            out += "\nIncidents\n"
            for i in r.incidents {
                out += "  \(i.id) \(RFC3339.string(i.start)) – \(RFC3339.string(i.end)): \(i.summary)\n"
                if let s = i.llmSummary, let p = i.llmProvider { out += "    \(p): \(s)\n" }
                for c in i.rootCauses.prefix(2) { out += "    likely: \(c.title) — \(c.cause)\n" }
                for s in i.nextSteps.prefix(3) { out += "    next: \(s)\n" }
            }
        }
        out += "\n" + r.summary + "\n"
        return out
    }
}
