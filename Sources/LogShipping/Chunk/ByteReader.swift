/// Reads little-endian integers and byte runs from a buffer; every read is bounds-checked.
struct ByteReader {
    let bytes: [UInt8]
    private(set) var offset: Int

    init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var remaining: Int { bytes.count - offset }

    mutating func uint(_ width: Int) -> UInt64? {
        guard remaining >= width else { return nil }
        var v: UInt64 = 0
        for i in 0..<width { v |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
        offset += width
        return v
    }

    mutating func take(_ n: Int) -> ArraySlice<UInt8>? {
        guard n >= 0, remaining >= n else { return nil }
        defer { offset += n }
        return bytes[offset..<offset + n]
    }

    mutating func string(_ n: Int) -> String? {
        take(n).map { String(decoding: $0, as: UTF8.self) }
    }
}
