/// Identifies a numeric series of one source without building a string per record.
enum MetricKey: Hashable, Sendable {
    /// A numeric field of structured records (`latency_ms`).
    case field(String)
    /// The numeric parameter at `index` of template `template`.
    case parameter(template: Int, index: Int)

    /// The stable text form: `f:<field>` or `t:<template id>:<parameter index>`.
    var text: String {
        switch self {
        case .field(let name): "f:" + name
        case .parameter(let template, let index): "t:\(template):\(index)"
        }
    }
}
