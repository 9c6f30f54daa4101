import FaultMavenHTTP
import Foundation

/// Parses how long a server asks clients to wait.
public enum RetryAfter {
    /// `Retry-After` as delay-seconds or an HTTP date (IMF-fixdate, RFC 850 or asctime form);
    /// dates in the past give zero. Nil when absent or unparseable.
    public static func parse(_ value: String?, now: Date = Date()) -> Duration? {
        guard let text = value?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if text.allSatisfy(\.isASCII), let seconds = Int(text), seconds >= 0 { return .seconds(seconds) }
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text.replacingOccurrences(of: "  ", with: " ")) {
                let wait = max(0, date.timeIntervalSince(now))
                return .milliseconds(Int64((wait * 1000).rounded()))
            }
        }
        return nil
    }

    /// The wait a response asks for: `retry-after-ms` (OpenAI) or `Retry-After`.
    public static func parse(_ headers: HTTPHeaders, now: Date = Date()) -> Duration? {
        if let ms = headers["retry-after-ms"].flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }), ms >= 0, ms.isFinite {
            return .milliseconds(Int64(ms.rounded()))
        }
        return parse(headers["Retry-After"], now: now)
    }
}
