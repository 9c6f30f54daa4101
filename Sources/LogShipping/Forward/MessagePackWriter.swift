/// Appends MessagePack values to a byte buffer, always in the smallest representation.
///
/// Containers are written as a header (`writeArrayHeader`, `writeMapHeader`) followed by their
/// elements, so large streams need no intermediate `MessagePackValue` tree.
public struct MessagePackWriter: Sendable {
    public private(set) var bytes: [UInt8]

    public init(capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    public mutating func writeNil() { bytes.append(0xc0) }

    public mutating func write(_ v: Bool) { bytes.append(v ? 0xc3 : 0xc2) }

    public mutating func write(_ v: Int64) {
        if v >= 0 { return write(UInt64(v)) }
        switch v {
        case -32 ..< 0: bytes.append(UInt8(bitPattern: Int8(v)))
        case Int64(Int8.min) ..< 0: bytes.append(0xd0); bigEndian(UInt64(bitPattern: v), 1)
        case Int64(Int16.min) ..< 0: bytes.append(0xd1); bigEndian(UInt64(bitPattern: v), 2)
        case Int64(Int32.min) ..< 0: bytes.append(0xd2); bigEndian(UInt64(bitPattern: v), 4)
        default: bytes.append(0xd3); bigEndian(UInt64(bitPattern: v), 8)
        }
    }

    public mutating func write(_ v: UInt64) {
        switch v {
        case 0 ..< 0x80: bytes.append(UInt8(v))
        case 0 ... 0xff: bytes.append(0xcc); bigEndian(v, 1)
        case 0 ... 0xffff: bytes.append(0xcd); bigEndian(v, 2)
        case 0 ... 0xffff_ffff: bytes.append(0xce); bigEndian(v, 4)
        default: bytes.append(0xcf); bigEndian(v, 8)
        }
    }

    public mutating func write(_ v: Double) {
        bytes.append(0xcb)
        bigEndian(v.bitPattern, 8)
    }

    public mutating func write(_ s: String) throws(MessagePackError) {
        let n = s.utf8.count
        switch n {
        case 0 ..< 32: bytes.append(0xa0 | UInt8(n))
        case 0 ... 0xff: bytes.append(0xd9); bigEndian(UInt64(n), 1)
        case 0 ... 0xffff: bytes.append(0xda); bigEndian(UInt64(n), 2)
        default: try length(n, "str"); bytes.append(0xdb); bigEndian(UInt64(n), 4)
        }
        bytes.append(contentsOf: s.utf8)
    }

    public mutating func writeBinary(_ b: [UInt8]) throws(MessagePackError) {
        let n = b.count
        switch n {
        case 0 ... 0xff: bytes.append(0xc4); bigEndian(UInt64(n), 1)
        case 0 ... 0xffff: bytes.append(0xc5); bigEndian(UInt64(n), 2)
        default: try length(n, "bin"); bytes.append(0xc6); bigEndian(UInt64(n), 4)
        }
        bytes.append(contentsOf: b)
    }

    public mutating func writeArrayHeader(_ n: Int) throws(MessagePackError) {
        switch n {
        case 0 ..< 16: bytes.append(0x90 | UInt8(n))
        case 0 ... 0xffff: bytes.append(0xdc); bigEndian(UInt64(n), 2)
        default: try length(n, "array"); bytes.append(0xdd); bigEndian(UInt64(n), 4)
        }
    }

    public mutating func writeMapHeader(_ n: Int) throws(MessagePackError) {
        switch n {
        case 0 ..< 16: bytes.append(0x80 | UInt8(n))
        case 0 ... 0xffff: bytes.append(0xde); bigEndian(UInt64(n), 2)
        default: try length(n, "map"); bytes.append(0xdf); bigEndian(UInt64(n), 4)
        }
    }

    public mutating func writeExt(type: Int8, _ data: [UInt8]) throws(MessagePackError) {
        let n = data.count
        let fixed: [Int: UInt8] = [1: 0xd4, 2: 0xd5, 4: 0xd6, 8: 0xd7, 16: 0xd8]
        if let code = fixed[n] {
            bytes.append(code)
        } else if n <= 0xff {
            bytes.append(0xc7); bigEndian(UInt64(n), 1)
        } else if n <= 0xffff {
            bytes.append(0xc8); bigEndian(UInt64(n), 2)
        } else {
            try length(n, "ext"); bytes.append(0xc9); bigEndian(UInt64(n), 4)
        }
        bytes.append(UInt8(bitPattern: type))
        bytes.append(contentsOf: data)
    }

    /// An EventTime as `fixext 8` of type 0.
    public mutating func write(_ t: EventTime) {
        bytes.append(0xd7)
        bytes.append(UInt8(bitPattern: EventTime.extType))
        bigEndian(UInt64(t.seconds), 4)
        bigEndian(UInt64(t.nanoseconds), 4)
    }

    /// Any value, recursively.
    public mutating func write(_ v: MessagePackValue) throws(MessagePackError) {
        switch v {
        case .null: writeNil()
        case .bool(let b): write(b)
        case .int(let i): write(i)
        case .uint(let u): write(u)
        case .float(let d): write(d)
        case .string(let s): try write(s)
        case .binary(let b): try writeBinary(b)
        case .array(let items):
            try writeArrayHeader(items.count)
            for item in items { try write(item) }
        case .map(let pairs):
            try writeMapHeader(pairs.count)
            for p in pairs {
                try write(p.key)
                try write(p.value)
            }
        case .ext(let type, let data): try writeExt(type: type, data)
        }
    }

    /// Appends raw, already-encoded bytes.
    public mutating func append(raw: [UInt8]) { bytes.append(contentsOf: raw) }

    private mutating func bigEndian(_ v: UInt64, _ width: Int) {
        for i in stride(from: width - 1, through: 0, by: -1) { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(i)))) }
    }

    private func length(_ n: Int, _ what: String) throws(MessagePackError) {
        guard n <= Int(UInt32.max) else {
            throw MessagePackError(.tooLarge, at: bytes.count, "\(what) of \(n) bytes/elements exceeds 2^32-1")
        }
    }
}
