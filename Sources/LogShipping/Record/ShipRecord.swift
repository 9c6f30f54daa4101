import Foundation

/// One event on its way to an output: a tag, an event time and a flat string map.
///
/// The map always has `message`, `level` and `source` when made with the convenience
/// initializer; other keys are the record's extra fields. `ack` is the caller's token: when the
/// buffer reports the record durable (file buffer) or delivered (memory buffer), it passes the
/// token to its acknowledgement callback. Tokens are not persisted in file chunks.
public struct ShipRecord: Sendable, Hashable {
    /// Fluentd-style routing tag.
    public var tag: String
    /// Event time in nanoseconds since the Unix epoch.
    public var timeNanos: Int64
    public var fields: [String: String]
    public var ack: ShipAck?

    public init(tag: String, timeNanos: Int64, fields: [String: String], ack: ShipAck? = nil) {
        self.tag = tag
        self.timeNanos = timeNanos
        self.fields = fields
        self.ack = ack
    }

    /// A record with `message`, `level` and `source` set, plus `extra` fields (which never
    /// replace those three).
    public init(
        tag: String, time: Date, message: String, level: String, source: String,
        extra: [String: String] = [:], ack: ShipAck? = nil
    ) {
        var f = extra
        f["message"] = message
        f["level"] = level
        f["source"] = source
        self.init(tag: tag, timeNanos: ShipRecord.nanos(time), fields: f, ack: ack)
    }

    public var message: String? { fields["message"] }
    public var level: String? { fields["level"] }
    public var source: String? { fields["source"] }
    public var time: Date { Date(timeIntervalSince1970: Double(timeNanos) / 1e9) }

    /// Bytes this record takes in a chunk (its binary encoding); chunk and total limits count these.
    public var byteSize: Int {
        var n = RecordCodec.recordHeaderSize
        for (k, v) in fields { n += 8 + k.utf8.count + v.utf8.count }
        return n
    }

    /// Nanoseconds since the epoch, clamped to Int64.
    public static func nanos(_ date: Date) -> Int64 {
        let ns = (date.timeIntervalSince1970 * 1e9).rounded()
        if ns >= Double(Int64.max) { return .max }
        if ns <= Double(Int64.min) { return .min }
        return Int64(ns)
    }
}
