import Foundation

/// Chooses the raw lines that illustrate an anomaly from its source's recent events.
enum EvidencePicker {
    /// Up to `limit` lines for `finding`, oldest first: lines of its template when it names one; the
    /// errors since it began for `error_rate`; the last lines before the quiet for `silence`; else
    /// the lines since it began.
    static func lines(for finding: Finding, in ring: EventRing, limit: Int) -> [RecentEvent] {
        guard limit > 0 else { return [] }
        if let id = finding.templateID {
            return ring.latest(limit) { $0.templateID == id }
        }
        switch finding.kind {
        case .errorRate:
            return ring.latest(limit) { $0.level.isError && $0.time >= finding.start }
        case .silence:
            return ring.latest(limit)
        case .newPattern, .metricShift, .volume:
            let since = ring.latest(limit) { $0.time >= finding.start }
            return since.isEmpty ? ring.latest(limit) : since
        }
    }
}
