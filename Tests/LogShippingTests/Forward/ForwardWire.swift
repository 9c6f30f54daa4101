@testable import LogShipping

/// Decodes one Forward protocol v1 message the way Fluentd's in_forward does: Message,
/// Forward, PackedForward and CompressedPackedForward modes, integer or EventTime times.
enum ForwardWire {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static func events(_ message: MessagePackValue) throws -> (events: [ForwardEvent], option: MessagePackValue?) {
        guard case .array(let parts) = message, parts.count >= 2, parts.count <= 4 else { throw Failure(description: "not a [tag, ...] array") }
        guard let tag = parts[0].stringValue else { throw Failure(description: "tag is not a string") }
        switch parts[1] {
        case .int, .uint, .float, .ext:
            // Message: [tag, time, record, option?]
            guard parts.count >= 3 else { throw Failure(description: "Message mode without a record") }
            let option = parts.count == 4 ? parts[3] : nil
            return ([try event(tag, parts[1], parts[2], mode: "message", option)], option)
        case .array(let entries):
            let option = parts.count == 3 ? parts[2] : nil
            return (try entries.map { try entry(tag, $0, mode: "forward", option) }, option)
        case .string, .binary:
            let option = parts.count == 3 ? parts[2] : nil
            var stream = parts[1].rawBytes ?? []
            var mode = "packed_forward"
            if let c = option?["compressed"] {
                guard c.stringValue == "gzip" else { throw Failure(description: "unknown compressed option \(c)") }
                stream = [UInt8](try Codecs.gunzip(.init(stream)))
                mode = "compressed_packed_forward"
            }
            var reader = MessagePackReader(stream)
            var out: [ForwardEvent] = []
            while let e = try reader.next() { out.append(try entry(tag, e, mode: mode, option)) }
            if let size = option?["size"]?.intValue, size != out.count { throw Failure(description: "size \(size) but \(out.count) entries") }
            return (out, option)
        default:
            throw Failure(description: "second element is neither a time, an array nor a stream")
        }
    }

    private static func entry(_ tag: String, _ e: MessagePackValue, mode: String, _ option: MessagePackValue?) throws -> ForwardEvent {
        guard case .array(let pair) = e, pair.count == 2 else { throw Failure(description: "entry is not [time, record]") }
        return try event(tag, pair[0], pair[1], mode: mode, option)
    }

    private static func event(_ tag: String, _ time: MessagePackValue, _ record: MessagePackValue, mode: String, _ option: MessagePackValue?) throws -> ForwardEvent {
        let nanos: Int64
        var isEventTime = false
        switch time {
        case .ext(0, let data):
            guard let t = EventTime(extData: data) else { throw Failure(description: "bad EventTime") }
            nanos = t.nanosSinceEpoch
            isEventTime = true
        case .float(let d): nanos = Int64(d * 1e9)
        default:
            guard let s = time.intValue else { throw Failure(description: "bad time \(time)") }
            nanos = s * 1_000_000_000
        }
        guard case .map(let pairs) = record else { throw Failure(description: "record is not a map") }
        var fields: [String: String] = [:]
        for p in pairs {
            guard let k = p.key.stringValue, let v = p.value.stringValue else { throw Failure(description: "non-string field") }
            fields[k] = v
        }
        return ForwardEvent(tag: tag, timeNanos: nanos, eventTime: isEventTime, fields: fields, mode: mode, chunk: option?["chunk"]?.stringValue)
    }
}
