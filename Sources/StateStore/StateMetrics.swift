import FaultMavenCore

/// Counters of what the state database dropped, expired or cut.
struct StateMetrics: Sendable {
    /// The tables whose evictions are counted, as `table` label values.
    enum Table: String, CaseIterable, Sendable {
        case session, turn, dataItem = "data_item", feedback, pastCase = "past_case", incident, audit, template
    }

    private let evicted: [Table: Counter]
    let expired: Counter
    let truncated: Counter
    let active: Gauge

    init(_ registry: MetricsRegistry) {
        let family = registry.counterFamily(
            "faultmaven_state_evicted_total", help: "Rows dropped from the state database because a limit was reached.",
            labels: ["table"])
        var map: [Table: Counter] = [:]
        for table in Table.allCases { map[table] = family.counter(table.rawValue) }
        evicted = map
        expired = registry.counter("faultmaven_sessions_expired_total", help: "Sessions ended after being idle too long.")
        truncated = registry.counter(
            "faultmaven_state_truncated_total", help: "Texts cut to their size limit before being stored.")
        active = registry.gauge("faultmaven_sessions_active", help: "Troubleshooting sessions currently held.")
    }

    func evicted(_ table: Table, _ n: Int) {
        if n > 0 { evicted[table]?.increment(by: n) }
    }
}
