/// A byte range of the input that must be replaced, and why.
struct RedactionSpan: Sendable, Hashable {
    var start: Int
    var end: Int
    var kind: RedactionKind

    /// Sorted, overlapping spans merged into the earliest one (its kind wins): every byte any
    /// detector flagged is removed, and a secret seen by two detectors is counted once.
    static func merged(_ spans: [RedactionSpan]) -> [RedactionSpan] {
        let sorted = spans.filter { $0.end > $0.start }.sorted { ($0.start, -$0.end) < ($1.start, -$1.end) }
        var out: [RedactionSpan] = []
        for span in sorted {
            if let last = out.last, span.start < last.end {
                out[out.count - 1].end = max(last.end, span.end)
            } else {
                out.append(span)
            }
        }
        return out
    }
}
