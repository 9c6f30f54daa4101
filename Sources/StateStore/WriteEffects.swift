/// What a write transaction dropped or cut; applied to the metrics only after it commits.
struct WriteEffects: Sendable {
    var evicted: [StateMetrics.Table: Int] = [:]
    var expired = 0
    var truncated = 0
    /// Sessions in the database after the write, when the write changed that number.
    var sessionCount: Int?

    mutating func evict(_ table: StateMetrics.Table, _ n: Int) {
        if n > 0 { evicted[table, default: 0] += n }
    }

    /// `text` cut to `maxBytes`, counting a cut.
    mutating func bounded(_ text: String, _ maxBytes: Int) -> String {
        let cut = BoundedText.cut(text, maxBytes: maxBytes)
        if cut.truncated { truncated += 1 }
        return cut.text
    }
}
