import Foundation

/// Short human-readable numbers for evidence and summaries.
enum Format {
    /// `0.3412` → `34%`, `0.0123` → `1.2%`, `0.00012` → `0.01%`.
    static func percent(_ share: Double) -> String {
        let v = share * 100
        if v >= 10 { return "\(Int(v.rounded()))%" }
        if v >= 1 { return String(format: "%.1f%%", v) }
        return String(format: "%.2f%%", v)
    }

    /// `3.0` → `3`, `3.456` → `3.5`, `1234.5` → `1235`.
    static func number(_ v: Double) -> String {
        guard v.isFinite else { return "∞" }
        if abs(v) >= 100 || v == v.rounded() { return "\(Int(v.rounded()))" }
        if abs(v) >= 10 { return String(format: "%.1f", v) }
        return String(format: "%.2f", v)
    }

    /// `60` → `60s`, `300` → `5m`, `5400` → `90m`.
    static func duration(_ seconds: TimeInterval) -> String {
        let s = Int(seconds.rounded())
        if s < 120 || s % 60 != 0 { return "\(s)s" }
        return "\(s / 60)m"
    }

    /// RFC 3339 UTC, whole seconds.
    static func time(_ date: Date) -> String {
        date.ISO8601Format()
    }
}
