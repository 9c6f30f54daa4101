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
    /// The candidate keys packed (nil for a configured key that is not ASCII or longer than `PackedKey.maxBytes`).
    private let packedTimeKeys: [PackedKey?]
    private let packedMessageKeys: [PackedKey?]
    private let packedLevelKeys: [PackedKey?]
    /// Every candidate key packed, with its ranks; nil when one of them does not pack (then keys
    /// are looked up in the lists above).
    private let roles: [KeyRoles]?

    /// A candidate key and its rank among the time, message and level keys (-1: not among them).
    private struct KeyRoles {
        let key: PackedKey
        var time = -1
        var message = -1
        var level = -1
    }

    init(config: ParserConfig, referenceDate: Date) throws {
        let zone: TimeZoneRule =
            if config.utc { .fixed(0) } else { try config.timezone.map(TimeZoneRule.init(parsing:)) ?? .fixed(0) }
        time = TimeContext(referenceDate: referenceDate, zone: zone)
        timeFormat = try config.timeFormat.map(TimeFormat.init)
        timeKeys = config.timeKey.map { [$0] } ?? ["time", "ts", "timestamp", "@timestamp", "t"]
        levelKeys = config.levelKey.map { [$0] } ?? ["level", "severity", "lvl", "loglevel", "priority", "PRIORITY"]
        messageKeys = config.messageKey.map { [$0] } ?? ["message", "msg", "log", "MESSAGE"]
        keepTimeKey = config.keepTimeKey
        packedTimeKeys = timeKeys.map(PackedKey.init)
        packedMessageKeys = messageKeys.map(PackedKey.init)
        packedLevelKeys = levelKeys.map(PackedKey.init)
        roles = Self.roles(packedTimeKeys, packedMessageKeys, packedLevelKeys)
    }

    /// One entry per distinct candidate key with its first rank in each list; nil when a candidate
    /// does not pack.
    private static func roles(_ time: [PackedKey?], _ message: [PackedKey?], _ level: [PackedKey?]) -> [KeyRoles]? {
        var roles: [KeyRoles] = []
        func add(_ keys: [PackedKey?], _ rank: WritableKeyPath<KeyRoles, Int>) -> Bool {
            for (r, key) in keys.enumerated() {
                guard let key else { return false }
                let at: Int
                if let known = roles.firstIndex(where: { $0.key == key }) {
                    at = known
                } else {
                    roles.append(KeyRoles(key: key))
                    at = roles.count - 1
                }
                if roles[at][keyPath: rank] < 0 { roles[at][keyPath: rank] = r }
            }
            return true
        }
        guard add(time, \.time), add(message, \.message), add(level, \.level) else { return nil }
        return roles
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

    /// Turns a flat record into an event: picks time, level and message by key and leaves them out
    /// of the fields (the time key stays with `keep_time_key`). A repeated key counts with its last
    /// value. `fallbackMessage` is used when no message key is present. Sets `timeFailed` when a
    /// time value exists but cannot be read.
    func record(_ pairs: consuming FieldPairs, fallbackMessage: @autoclosure () -> String) -> FormatResult {
        let keys = rankedKeys(pairs)
        var taken = TakenKeys()
        var time: Date?
        var timeFailed = false
        if let t = keys.time {
            time = parseTime(pairs[t].value)
            timeFailed = time == nil
            if !keepTimeKey && !timeFailed { taken.insert(pairs[t]) }
        }
        var message: String?
        if let m = keys.message, !taken.contains(pairs[m]) {
            message = pairs[m].value
            taken.insert(pairs[m])
        }
        var level: Level?
        if let l = keys.level, !taken.contains(pairs[l]), let value = LevelScanner.value(pairs[l].value) {
            level = value
            taken.insert(pairs[l])
        }
        let text = message ?? fallbackMessage()
        return FormatResult(
            time: time, level: level ?? LevelScanner.keyword(text) ?? .unknown, message: text,
            fields: Self.fields(pairs, without: taken), timeFailed: timeFailed)
    }

    /// Positions of the last pair of the best-ranked time, message and level keys, in one pass (no
    /// hashing; keys that pack are compared as integers).
    private func rankedKeys(_ pairs: FieldPairs) -> (time: Int?, message: Int?, level: Int?) {
        var time: (rank: Int, index: Int)?
        var message: (rank: Int, index: Int)?
        var level: (rank: Int, index: Int)?
        for index in pairs.indices {
            let (t, m, l) = ranks(pairs[index])
            // `<=`: a rank names one key, so a later pair with the same rank is the same key repeated.
            if let t, t <= (time?.rank ?? .max) { time = (t, index) }
            if let m, m <= (message?.rank ?? .max) { message = (m, index) }
            if let l, l <= (level?.rank ?? .max) { level = (l, index) }
        }
        return (time?.index, message?.index, level?.index)
    }

    /// The keys `record` took out of the fields (at most three), with their packed forms.
    private struct TakenKeys {
        private var keys: (String?, String?, String?)
        private var packed: (PackedKey?, PackedKey?, PackedKey?)
        private(set) var count = 0

        mutating func insert(_ pair: FieldPair) {
            switch count {
            case 0: (keys.0, packed.0) = (pair.key, pair.packed)
            case 1: (keys.1, packed.1) = (pair.key, pair.packed)
            default: (keys.2, packed.2) = (pair.key, pair.packed)
            }
            count += 1
        }

        /// True when `pair`'s key is one of the taken ones.
        @inline(__always)
        func contains(_ pair: FieldPair) -> Bool {
            count > 0
                && (Self.same(pair.key, pair.packed, keys.0, packed.0) || Self.same(pair.key, pair.packed, keys.1, packed.1)
                    || Self.same(pair.key, pair.packed, keys.2, packed.2))
        }

        /// Equal ASCII keys have equal packed forms; others compare as strings.
        @inline(__always)
        private static func same(_ key: String, _ packedKey: PackedKey?, _ taken: String?, _ packedTaken: PackedKey?)
            -> Bool
        {
            guard let taken else { return false }
            if let packedKey, let packedTaken { return packedKey == packedTaken }
            return key == taken
        }
    }

    /// The pairs whose key was not taken, as a dictionary allocated once (room for every pair not
    /// taken; fewer when keys repeat).
    private static func fields(_ pairs: FieldPairs, without taken: TakenKeys) -> [String: String] {
        let room = pairs.count - taken.count
        guard room > 0 else { return [:] }
        var fields = [String: String](minimumCapacity: room)
        for pair in pairs where !taken.contains(pair) { fields[pair.key] = pair.value }
        return fields
    }

    /// The ranks of `pair`'s key among the time, message and level keys: from the packed table
    /// when both sides pack (the usual case), else by looking through the lists.
    @inline(__always)
    private func ranks(_ pair: FieldPair) -> (time: Int?, message: Int?, level: Int?) {
        if let packed = pair.packed, let roles {
            for role in roles where role.key == packed {
                return (role.time < 0 ? nil : role.time, role.message < 0 ? nil : role.message, role.level < 0 ? nil : role.level)
            }
            return (nil, nil, nil)
        }
        return (
            Self.rank(of: pair.key, pair.packed, in: timeKeys, packedTimeKeys),
            Self.rank(of: pair.key, pair.packed, in: messageKeys, packedMessageKeys),
            Self.rank(of: pair.key, pair.packed, in: levelKeys, packedLevelKeys)
        )
    }

    /// Position of `key` in `candidates`. Two ASCII keys are equal exactly when their packed forms
    /// are; anything else (non-ASCII, long) is compared as strings, which compare canonically.
    @inline(__always)
    private static func rank(of key: String, _ packed: PackedKey?, in candidates: [String], _ packedCandidates: [PackedKey?])
        -> Int?
    {
        for i in candidates.indices {
            if let packed, let candidate = packedCandidates[i] {
                if candidate == packed { return i }
            } else if candidates[i] == key {
                return i
            }
        }
        return nil
    }
}
