/// How a chunk's records become a request or file body: JSON lines (`ndjson`) or one JSON
/// array, with the event time (and optionally the tag) added under configurable keys.
///
/// Each record is one JSON object: its fields sorted by key, then `timeKey` and `tagKey` when set
/// (a field with the same name is replaced by them).
public struct RecordEncoding: Sendable, Hashable {
    public enum Framing: String, Sendable, CaseIterable {
        /// One object per line, each ending in `\n` (`application/x-ndjson`).
        case jsonLines = "json_lines"
        /// `[{...},{...}]` (`application/json`).
        case jsonArray = "json_array"
    }

    public var framing: Framing
    /// Key of the event time; nil leaves the time out.
    public var timeKey: String?
    public var timeFormat: JSONTimeFormat
    /// Key of the tag; nil leaves the tag out.
    public var tagKey: String?

    public init(framing: Framing = .jsonLines, timeKey: String? = "time", timeFormat: JSONTimeFormat = .iso8601, tagKey: String? = nil) {
        self.framing = framing
        self.timeKey = timeKey
        self.timeFormat = timeFormat
        self.tagKey = tagKey
    }

    /// `Content-Type` of an encoded body.
    public var contentType: String {
        framing == .jsonArray ? "application/json" : "application/x-ndjson"
    }

    /// Encodes `records` as one body.
    public func encode(_ records: [ShipRecord]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(records.reduce(2) { $0 + $1.byteSize + 48 })
        if framing == .jsonArray { out.append(UInt8(ascii: "[")) }
        for (i, r) in records.enumerated() {
            if framing == .jsonArray && i > 0 { out.append(UInt8(ascii: ",")) }
            appendObject(r, to: &out)
            if framing == .jsonLines { out.append(UInt8(ascii: "\n")) }
        }
        if framing == .jsonArray { out.append(UInt8(ascii: "]")) }
        return out
    }

    /// Appends one record as a JSON object (no trailing newline).
    public func appendObject(_ r: ShipRecord, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        var first = true
        for key in r.fields.keys.sorted() where key != timeKey && key != tagKey {
            member(key, &first, &out)
            JSONText.appendString(r.fields[key]!, to: &out)
        }
        if let timeKey {
            member(timeKey, &first, &out)
            switch timeFormat {
            case .iso8601:
                out.append(UInt8(ascii: "\""))
                out.append(contentsOf: UTCTime.iso8601(nanos: r.timeNanos).utf8)
                out.append(UInt8(ascii: "\""))
            case .epoch:
                out.append(contentsOf: UTCTime.epochSeconds(nanos: r.timeNanos).utf8)
            }
        }
        if let tagKey {
            member(tagKey, &first, &out)
            JSONText.appendString(r.tag, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    private func member(_ key: String, _ first: inout Bool, _ out: inout [UInt8]) {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
        JSONText.appendString(key, to: &out)
        out.append(UInt8(ascii: ":"))
    }
}
