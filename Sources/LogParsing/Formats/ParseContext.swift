import FaultMavenCore
import Foundation

/// Settings shared by all formats of one parser, resolved once from a `ParserConfig`.
struct ParseContext: Sendable {
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
    func record(_ fields: [String: String], fallbackMessage: @autoclosure () -> String) -> FormatResult {
        var fields = fields
        var time: Date?
        var timeFailed = false
        for key in timeKeys {
            guard let raw = fields[key] else { continue }
            time = parseTime(raw)
            timeFailed = time == nil
            if !keepTimeKey && !timeFailed { fields[key] = nil }
            break
        }
        var message: String?
        for key in messageKeys {
            if let m = fields.removeValue(forKey: key) {
                message = m
                break
            }
        }
        var level: Level?
        for key in levelKeys {
            guard let raw = fields[key] else { continue }
            if let l = LevelScanner.value(raw) {
                level = l
                fields[key] = nil
            }
            break
        }
        let text = message ?? fallbackMessage()
        return FormatResult(
            time: time, level: level ?? LevelScanner.keyword(text) ?? .unknown, message: text, fields: fields,
            timeFailed: timeFailed)
    }
}
