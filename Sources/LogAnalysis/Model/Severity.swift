/// How bad an anomaly is; ordered from `low` to `critical`.
public enum Severity: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
    case low, medium, high, critical

    private var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        case .critical: 3
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    /// The severity whose lower bound `value` reaches, given ascending bounds for medium, high and critical.
    /// Monotone in `value` by construction.
    public static func grade(_ value: Double, medium: Double, high: Double, critical: Double) -> Severity {
        if value >= critical { return .critical }
        if value >= high { return .high }
        if value >= medium { return .medium }
        return .low
    }
}
