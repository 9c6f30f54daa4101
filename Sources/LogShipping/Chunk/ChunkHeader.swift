/// What a file chunk's first frame records about it.
struct ChunkHeader: Sendable, Equatable {
    static let version: UInt8 = 1

    var tag: String
    /// 16 random bytes as 32 hex digits: stable across retries and restarts (the forward
    /// protocol's `chunk` option, receiver-side de-duplication).
    var uniqueID: String
    var createdNanos: Int64

    func encoded() -> [UInt8] {
        var out: [UInt8] = [Self.version]
        out.appendLE(createdNanos)
        out.append(contentsOf: uniqueID.utf8.prefix(32))
        let tagBytes = Array(tag.utf8.prefix(Int(UInt16.max)))
        out.appendLE(UInt16(tagBytes.count))
        out.append(contentsOf: tagBytes)
        return out
    }

    static func decode(_ bytes: [UInt8]) -> ChunkHeader? {
        var r = ByteReader(bytes)
        guard r.uint(1) == UInt64(version), let created = r.uint(8), let id = r.string(32),
            let n = r.uint(2), let tag = r.string(Int(n)), r.remaining == 0
        else { return nil }
        return ChunkHeader(tag: tag, uniqueID: id, createdNanos: Int64(bitPattern: created))
    }

    /// 32 random hex digits.
    static func newUniqueID() -> String {
        var g = SystemRandomNumberGenerator()
        let hex = Array("0123456789abcdef")
        return String((0..<32).map { _ in hex[Int(g.next() & 0xF)] })
    }
}
