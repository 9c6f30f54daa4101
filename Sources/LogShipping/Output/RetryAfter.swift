import Foundation

/// The `Retry-After` header (RFC 9110 §10.2.3): delay-seconds or an HTTP date.
enum RetryAfter {
    /// Waits beyond this are capped (a receiver asking for days is treated as asking for an hour).
    static let maximum = Duration.seconds(3600)

    static func parse(_ value: String?, now: Date) -> Duration? {
        guard let v = value?.trimmingSpaces, !v.isEmpty else { return nil }
        if let seconds = Int(v) {
            guard seconds >= 0 else { return nil }
            return min(.seconds(seconds), maximum)
        }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "GMT")
        f.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = f.date(from: v) else { return nil }
        let delta = date.timeIntervalSince(now)
        return delta <= 0 ? .zero : min(.milliseconds(Int64(delta * 1000)), maximum)
    }
}
