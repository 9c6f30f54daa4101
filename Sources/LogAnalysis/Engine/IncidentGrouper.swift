import Foundation

/// Groups anomalies that overlap in time (within `gap`), across sources, into incidents `i-1`, `i-2`, ...
struct IncidentGrouper: Sendable {
    private var store: SequencedStore<Incident>
    let gap: TimeInterval
    /// Incidents searched for overlap when an anomaly opens (the newest ones).
    private let lookBack = 8

    init(capacity: Int, gap: TimeInterval) {
        store = SequencedStore(capacity: capacity)
        self.gap = max(0, gap)
    }

    var evictedCount: Int { store.evictedCount }
    var all: [Incident] { store.ordered }

    /// Puts a newly opened anomaly into the most recent overlapping incident, or a new one, with
    /// `samples` as evidence (at most `maxSamples` per incident); returns its id.
    mutating func assign(_ anomaly: Anomaly, samples: [SampleLine] = [], maxSamples: Int = 10) -> String {
        for (seq, incident) in store.newest(lookBack)
        where anomaly.start <= incident.end.addingTimeInterval(gap) && anomaly.end >= incident.start.addingTimeInterval(-gap) {
            var grown = incident
            grown.absorb(anomaly)
            grown.addSamples(samples, limit: maxSamples)
            store[seq] = grown
            return incident.id
        }
        let seq = store.nextSeq
        var incident = Incident(
            id: "i-\(seq)", start: anomaly.start, end: anomaly.end, anomalyIDs: [anomaly.id],
            sources: [anomaly.source], kinds: [anomaly.kind], severity: anomaly.severity,
            templates: anomaly.template.map { [$0] } ?? [])
        incident.addSamples(samples, limit: maxSamples)
        _ = store.append(incident)
        return incident.id
    }

    /// Widens the incident `id` to cover the updated `anomaly`.
    mutating func update(_ anomaly: Anomaly) {
        guard let id = anomaly.incidentID, let seq = Int(id.dropFirst(2)), var incident = store[seq] else { return }
        incident.absorb(anomaly)
        store[seq] = incident
    }
}
