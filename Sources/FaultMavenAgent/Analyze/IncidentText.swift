import Foundation
import LogAnalysis

/// One-sentence descriptions of incidents, written from their anomalies.
enum IncidentText {
    static func summary(_ incident: Incident, _ anomalies: [Anomaly]) -> String {
        let names = incident.sources.map { ($0 as NSString).lastPathComponent }
        let span = Int(incident.end.timeIntervalSince(incident.start).rounded())
        var s = "\(anomalies.count) \(anomalies.count == 1 ? "anomaly" : "anomalies") on \(names.joined(separator: ", "))"
        s += span > 0 ? " over \(duration(span))" : ""
        if let first = anomalies.min(by: { $0.start < $1.start }) {
            s += ", first: \(first.summary)"
        }
        return s
    }

    static func duration(_ seconds: Int) -> String {
        if seconds < 120 { return "\(seconds)s" }
        if seconds < 7200 { return "\(seconds / 60)m" }
        return "\(seconds / 3600)h\(seconds % 3600 / 60)m"
    }
}
