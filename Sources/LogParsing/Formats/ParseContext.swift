import FaultMavenCore
import Foundation

/// Settings shared by all formats of one parser, resolved once from a `ParserConfig`.
/// A class: every line hands it to a format, and a reference costs one retain where the struct's
/// copies retained each of its arrays and strings.
final class ParseContext: Sendable {
    let time: TimeContext
    let timeFormat: TimeFormat?
    let timeKeys: [String]
    let levelKeys: [String]
    let messageKeys: [String]
    let keepTimeKey: Bool

    init(config: ParserConfig, referenceDate: Date) throws {
        let zone: TimeZoneRule =
            if config.utc { .fixed(0) } else { try config.timezone.map(TimeZoneRule.init(parsing:)) ?? .fixed(0) }
        time = TimeContext(referenceDate: referenceDate, zone: zone)
        timeFormat = try config.timeFormat.map(TimeFormat.init)
        timeKeys = config.timeKey.map { [$0] } ?? ["time", "ts", "timestamp", "@timestamp", "t"]
        levelKeys = config.levelKey.map { [$0] } ?? ["level", "severity", "lvl", "loglevel", "priority", "PRIORITY"]
        messageKeys = config.messageKey.map { [$0] } ?? ["message", "msg", "log", "MESSAGE"]
        keepTimeKey = config.keepTimeKey
    }

    /// Reads a time value with `time_format` when configured, else by shape.
    func parseTime(_ value: String) -> Date? {
        if let timeFormat {
            return value.withBytes { b in
                guard let r = timeFormat.parse(b, from: ASCII.skipSpaces(b, 0), time),
                    ASCII.trimEnd(b, r.end, b.count) == r.end
                else { return nil }
                return r.date
            }
        }
        return TimestampScanner.value(value, time)
    }

    /// Turns a flat record into an event: picks time, level and message by key and removes them from
    /// the fields (the time key stays with `keep_time_key`). `fallbackMessage` is used when no message
    /// key is present. Sets `timeFailed` when a time value exists but cannot be read.
    func record(_ fields: consuming [String: String], fallbackMessage: @autoclosure () -> String) -> FormatResult {
        // One pass over the fields finds the best-ranked time, message and level keys (no lookup
        // per candidate key: hashing dominated this function).
        var timeKey: (rank: Int, key: String)?
        var messageKey: (rank: Int, key: String)?
        var levelKey: (rank: Int, key: String)?
        for key in fields.keys {
            let length = key.utf8.count
            if let r = Self.rank(of: key, length, in: timeKeys), r < (timeKey?.rank ?? .max) { timeKey = (r, key) }
            if let r = Self.rank(of: key, length, in: messageKeys), r < (messageKey?.rank ?? .max) {
                messageKey = (r, key)
            }
            if let r = Self.rank(of: key, length, in: levelKeys), r < (levelKey?.rank ?? .max) { levelKey = (r, key) }
        }
        var time: Date?
        var timeFailed = false
        if let key = timeKey?.key, let raw = fields[key] {
            time = parseTime(raw)
            timeFailed = time == nil
            if !keepTimeKey && !timeFailed { fields[key] = nil }
        }
        let message = messageKey.flatMap { fields.removeValue(forKey: $0.key) }
        var level: Level?
        if let key = levelKey?.key, let raw = fields[key], let l = LevelScanner.value(raw) {
            level = l
            fields[key] = nil
        }
        let text = message ?? fallbackMessage()
        return FormatResult(
            time: time, level: level ?? LevelScanner.keyword(text) ?? .unknown, message: text, fields: fields,
            timeFailed: timeFailed)
    }

    /// Position of `key` (of `length` UTF-8 bytes) in `candidates`, comparing only equal lengths.
    @inline(__always)
    private static func rank(of key: String, _ length: Int, in candidates: [String]) -> Int? {
        for (i, c) in candidates.enumerated() where c.utf8.count == length && c == key { return i }
        return nil
    }
}
