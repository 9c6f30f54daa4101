/// The binary form of records inside buffer chunks: per record, the event time (Int64 ns), the
/// field count (UInt16), then each field as (UInt32 length, UTF-8 key, UInt32 length, UTF-8 value).
/// Little-endian. The tag is stored once per chunk, in its header.
enum RecordCodec {
    static let recordHeaderSize = 10
    static let maxFields = Int(UInt16.max)

    static func append(_ r: ShipRecord, to out: inout [UInt8]) {
        out.appendLE(r.timeNanos)
        out.appendLE(UInt16(r.fields.count))
        for (k, v) in r.fields {
            out.appendLE(UInt32(k.utf8.count))
            out.append(contentsOf: k.utf8)
            out.appendLE(UInt32(v.utf8.count))
            out.append(contentsOf: v.utf8)
        }
    }

    /// Decodes exactly `count` records of chunk tag `tag`; nil when the bytes do not hold them.
    static func decode(_ bytes: [UInt8], count: Int, tag: String) -> [ShipRecord]? {
        var reader = ByteReader(bytes)
        var out: [ShipRecord] = []
        out.reserveCapacity(count)
        for _ in 0..<count {
            guard let t = reader.uint(8), let n = reader.uint(2) else { return nil }
            var fields: [String: String] = [:]
            fields.reserveCapacity(Int(n))
            for _ in 0..<n {
                guard let kl = reader.uint(4), let k = reader.string(Int(kl)),
                    let vl = reader.uint(4), let v = reader.string(Int(vl))
                else { return nil }
                fields[k] = v
            }
            out.append(ShipRecord(tag: tag, timeNanos: Int64(bitPattern: t), fields: fields))
        }
        return reader.remaining == 0 ? out : nil
    }
}
