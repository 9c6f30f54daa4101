/// The framing of file chunks, built so a torn write is detected after a crash.
///
/// A chunk file is a sequence of frames. Each frame is a 28-byte head — magic `FMBF`, kind
/// (1 header, 2 records), flags (bit 0: zstd), 2 reserved bytes, payload length, record count,
/// decoded payload length, payload CRC-32, head CRC-32 (of head bytes 4..<24; all UInt32 LE) —
/// then the payload. A head that passes its own CRC is trusted, so the records of a torn or
/// corrupted payload are known and counted; a torn or corrupted head stops reading there.
enum ChunkFrame {
    static let magic: [UInt8] = Array("FMBF".utf8)
    static let headSize = 28
    /// Largest payload accepted when reading (a bigger length is corruption).
    static let maxPayload = 1 << 30

    enum Kind: UInt8 {
        case header = 1
        case records = 2
    }

    /// One frame's bytes.
    static func make(kind: Kind, payload: [UInt8], compressed: Bool, records: Int, decodedLength: Int) -> [UInt8] {
        var out = magic
        out.reserveCapacity(headSize + payload.count)
        out.append(kind.rawValue)
        out.append(compressed ? 1 : 0)
        out.append(contentsOf: [0, 0])
        out.appendLE(UInt32(payload.count))
        out.appendLE(UInt32(records))
        out.appendLE(UInt32(decodedLength))
        out.appendLE(Gzip.crc32(payload[...]))
        out.appendLE(Gzip.crc32(out[4..<24]))
        out.append(contentsOf: payload)
        return out
    }

    /// A frame found by `scan`.
    struct Found {
        var kind: Kind
        var compressed: Bool
        var records: Int
        var decodedLength: Int
        var payload: Range<Int>
    }

    /// The outcome of reading a chunk file's bytes: the valid frames, and what follows them.
    struct Scan {
        var frames: [Found] = []
        /// Bytes from the start that hold whole, valid frames.
        var validLength = 0
        /// Records announced by a frame head that could be read but whose frame is torn.
        var tornRecords = 0
        /// Why reading stopped before the end, if it did.
        var problem: String?
    }

    /// Reads frames until the end or the first torn/invalid one.
    static func scan(_ bytes: [UInt8]) -> Scan {
        var scan = Scan()
        var offset = 0
        while offset < bytes.count {
            guard bytes.count - offset >= headSize else {
                scan.problem = "torn frame head at byte \(offset)"
                break
            }
            var r = ByteReader(bytes, offset: offset)
            let head = r.take(4).map(Array.init)
            let kindByte = r.uint(1)!, flags = r.uint(1)!
            _ = r.uint(2)
            let length = Int(r.uint(4)!), records = Int(r.uint(4)!), decoded = Int(r.uint(4)!)
            let crc = UInt32(r.uint(4)!), headCRC = UInt32(r.uint(4)!)
            guard head == magic, Gzip.crc32(bytes[offset + 4..<offset + 24]) == headCRC,
                let kind = Kind(rawValue: UInt8(kindByte)), length <= maxPayload
            else {
                scan.problem = "invalid frame head at byte \(offset)"
                break
            }
            let start = offset + headSize
            guard bytes.count - start >= length else {
                scan.tornRecords = records
                scan.problem = "torn frame at byte \(offset) (\(bytes.count - start) of \(length) payload bytes)"
                break
            }
            guard Gzip.crc32(bytes[start..<start + length]) == crc else {
                scan.tornRecords = records
                scan.problem = "checksum mismatch in frame at byte \(offset)"
                break
            }
            scan.frames.append(Found(kind: kind, compressed: flags & 1 != 0, records: records, decodedLength: decoded, payload: start..<start + length))
            offset = start + length
            scan.validLength = offset
        }
        return scan
    }
}
