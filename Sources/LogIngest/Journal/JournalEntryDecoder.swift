import FaultMavenCore
import Foundation
import Glibc

/// Turns the current entry of a ``JournalHandle`` into a structured `RawLine`, within limits.
///
/// - `text` is MESSAGE (invalid UTF-8 kept with replacement characters and counted; cut at
///   `dataThreshold` bytes and counted). An entry without MESSAGE has empty text.
/// - `level` comes from PRIORITY 0–7 (`Level(syslogPriority:)`), `nil` when absent or invalid.
/// - `time` is the entry's realtime timestamp.
/// - `fields` are the entry's fields after ``JournalFieldMapper``. A value that is not valid
///   UTF-8 or contains a NUL byte is stored base64-encoded (RFC 4648, standard alphabet, padded)
///   and counted. Values are cut at `dataThreshold`; fields beyond `maxFieldsPerEntry` or
///   `maxEntryBytes` are dropped; both counted.
struct JournalEntryDecoder {
    let config: JournalConfig
    let mapper: JournalFieldMapper
    let metrics: JournalMetrics

    init(config: JournalConfig, metrics: JournalMetrics) {
        self.config = config
        self.mapper = JournalFieldMapper(config: config)
        self.metrics = metrics
    }

    /// The current entry as a line with sequence number `seq`.
    func decode(_ handle: JournalHandle, seq: Int64, readAt: Date) -> RawLine {
        var message: String?
        var priority: String?
        var fields: [String: String] = [:]
        var kept = 0
        var keptBytes = 0
        let threshold = config.dataThreshold
        handle.forEachData { data in
            guard let eq = data.firstIndex(of: UInt8(ascii: "=")), eq > 0 else { return }
            let name = String(decoding: UnsafeRawBufferPointer(rebasing: data[..<eq]), as: UTF8.self)
            var value = UnsafeRawBufferPointer(rebasing: data[(eq + 1)...])
            if name == "MESSAGE" {
                if value.count > threshold {
                    value = JournalEntryDecoder.cut(value, at: threshold)
                    metrics.tooLongLines.increment()
                }
                if let s = String(validating: value, as: UTF8.self) {
                    message = s
                } else {
                    metrics.invalidUTF8Lines.increment()
                    message = String(decoding: value, as: UTF8.self)
                }
                if mapper.isIdentity { return }
                fields[name] = message
                return
            }
            let isPriority = name == "PRIORITY"
            if !isPriority && (kept >= config.maxFieldsPerEntry || keptBytes + value.count > config.maxEntryBytes) {
                metrics.droppedFields.increment()
                return
            }
            if value.count > threshold {
                value = JournalEntryDecoder.cut(value, at: threshold)
                metrics.truncatedFields.increment()
            }
            let text = JournalEntryDecoder.text(value) ?? {
                metrics.binaryFields.increment()
                return Data(value).base64EncodedString()
            }()
            if isPriority { priority = text } else {
                kept += 1
                keptBytes += value.count
            }
            fields[name] = text
        }
        var line = RawLine(
            source: config.sourceID, path: config.path, tag: config.tag, number: Int(seq), text: message ?? "",
            readAt: readAt)
        line.streamID = config.streamID
        line.position = seq
        if let usec = handle.realtimeMicroseconds() {
            line.time = Date(timeIntervalSince1970: Double(usec) / 1_000_000)
        }
        if let p = priority, let n = Int(p), (0...7).contains(n) { line.level = Level(syslogPriority: n) }
        line.fields = mapper.map(fields)
        return line
    }

    /// The first `limit` bytes of `value`, moved back to a UTF-8 character boundary (at most 3
    /// bytes) so that cutting text does not make it invalid.
    static func cut(_ value: UnsafeRawBufferPointer, at limit: Int) -> UnsafeRawBufferPointer {
        var end = limit
        while end > limit - 3, end > 0, end < value.count, value[end] & 0xC0 == 0x80 { end -= 1 }
        return UnsafeRawBufferPointer(rebasing: value[..<end])
    }

    /// The value as a string when it is valid UTF-8 without NUL bytes.
    static func text(_ value: UnsafeRawBufferPointer) -> String? {
        if let base = value.baseAddress, memchr(base, 0, value.count) != nil { return nil }
        return String(validating: value, as: UTF8.self)
    }
}
