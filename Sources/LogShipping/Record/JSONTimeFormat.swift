/// How a record's event time is written in JSON.
public enum JSONTimeFormat: String, Sendable, CaseIterable {
    /// `"2026-11-25T02:26:03.123456Z"` (UTC, microseconds), as Fluent Bit's `iso8601`.
    case iso8601
    /// `1795832763.123456789` (seconds since the epoch, exact), as Fluent Bit's `double`.
    case epoch
}
