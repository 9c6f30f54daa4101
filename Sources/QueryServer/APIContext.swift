import Foundation
import Hummingbird

/// Request context for the query port: JSON in snake_case with RFC 3339 dates, larger uploads.
public struct APIContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// Largest request body (a `/api/data` upload included).
    public static let uploadLimit = 32 * 1024 * 1024

    /// `/api/data` accepts log files up to this size.
    public var maxUploadSize: Int { Self.uploadLimit }

    public var responseEncoder: JSONEncoder { APIJSON.encoder }
    public var requestDecoder: JSONDecoder { APIJSON.decoder }
}

/// The JSON conventions of every FaultMaven interface (HTTP API and `analyze --format json`).
public enum APIJSON {
    public static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.keyEncodingStrategy = .convertToSnakeCase
        e.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(RFC3339.string(date))
        }
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }

    public static var decoder: JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .iso8601
        return d
    }
}

/// RFC 3339 UTC timestamps with milliseconds: `2026-03-02T09:52:34.000Z`.
public enum RFC3339 {
    public static func string(_ date: Date) -> String {
        let t = date.timeIntervalSince1970
        var secs = Int64(t.rounded(.down))
        var ms = Int64(((t - Double(secs)) * 1000).rounded())
        if ms == 1000 { secs += 1; ms = 0 }
        var tmv = tm()
        var tt = time_t(secs)
        gmtime_r(&tt, &tmv)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", Int(tmv.tm_year) + 1900, Int(tmv.tm_mon) + 1, Int(tmv.tm_mday),
            Int(tmv.tm_hour), Int(tmv.tm_min), Int(tmv.tm_sec), Int(ms))
    }
}
