import Foundation

/// Encodes a chunk as one Forward protocol v1 message (PackedForward, CompressedPackedForward or
/// Forward mode), with the `size` option and, when acks are required, the `chunk` option.
enum ForwardMessage {
    /// The `chunk` option of a chunk: base64 of its 16-byte unique id (as out_forward does),
    /// or of the id's text if it is not 32 hex digits.
    static func chunkOption(_ uniqueID: String) -> String {
        let hex = Array(uniqueID.utf8)
        var raw: [UInt8] = []
        if hex.count == 32 {
            for i in stride(from: 0, to: 32, by: 2) {
                guard let hi = hexDigit(hex[i]), let lo = hexDigit(hex[i + 1]) else { raw = []; break }
                raw.append(hi << 4 | lo)
            }
        }
        return Data(raw.isEmpty ? hex : raw).base64EncodedString()
    }

    static func encode(_ chunk: ShipChunk, config: ForwardOutputConfig, chunkOption: String?) throws -> [UInt8] {
        var w = MessagePackWriter(capacity: chunk.bytes + 64)
        try w.writeArrayHeader(3)
        try w.write(chunk.tag)
        switch config.mode {
        case .forward:
            try w.writeArrayHeader(chunk.records.count)
            for r in chunk.records { try entry(r, config, &w) }
        case .packedForward:
            var entries = MessagePackWriter(capacity: chunk.bytes + 16 * chunk.records.count)
            for r in chunk.records { try entry(r, config, &entries) }
            try w.writeBinary(config.gzip ? try Gzip.compress(entries.bytes) : entries.bytes)
        }
        var options: [(String, String)] = []
        if let chunkOption { options.append(("chunk", chunkOption)) }
        if config.gzip { options.append(("compressed", "gzip")) }
        try w.writeMapHeader(options.count + 1)
        try w.write("size")
        w.write(Int64(chunk.records.count))
        for (k, v) in options {
            try w.write(k)
            try w.write(v)
        }
        return w.bytes
    }

    /// One `[time, record]` entry; the record's keys in sorted order.
    private static func entry(_ r: ShipRecord, _ config: ForwardOutputConfig, _ w: inout MessagePackWriter) throws(MessagePackError) {
        try w.writeArrayHeader(2)
        let t = EventTime(nanos: r.timeNanos)
        if config.timeAsInteger { w.write(UInt64(t.seconds)) } else { w.write(t) }
        try w.writeMapHeader(r.fields.count)
        for key in r.fields.keys.sorted() {
            try w.write(key)
            try w.write(r.fields[key]!)
        }
    }

    private static func hexDigit(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
