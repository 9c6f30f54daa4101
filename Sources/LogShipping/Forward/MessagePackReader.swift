/// Decodes MessagePack values from a byte array, one at a time.
///
/// Never traps on bad input: every failure is a `MessagePackError` with the offset of the value.
/// `truncated` means the bytes ended inside a value; the reader's `offset` is then left at that
/// value's start, so a caller reading a stream can append more bytes and try again. Each
/// successful `next()` consumes at least one byte, so decoding loops always end.
public struct MessagePackReader: Sendable {
    public let bytes: [UInt8]
    /// Offset of the next unread byte.
    public private(set) var offset: Int
    public let limits: MessagePackLimits

    public init(_ bytes: [UInt8], offset: Int = 0, limits: MessagePackLimits = MessagePackLimits()) {
        self.bytes = bytes
        self.offset = min(max(offset, 0), bytes.count)
        self.limits = limits
    }

    public var isAtEnd: Bool { offset >= bytes.count }

    /// The next value; nil at the end of the input.
    public mutating func next() throws(MessagePackError) -> MessagePackValue? {
        guard !isAtEnd else { return nil }
        let start = offset
        do {
            return try value(depth: 0)
        } catch {
            offset = start
            throw error
        }
    }

    private mutating func value(depth: Int) throws(MessagePackError) -> MessagePackValue {
        let at = offset
        let b = try byte()
        switch b {
        case 0x00 ... 0x7f: return .int(Int64(b))
        case 0x80 ... 0x8f: return try map(Int(b & 0x0f), depth: depth, at: at)
        case 0x90 ... 0x9f: return try array(Int(b & 0x0f), depth: depth, at: at)
        case 0xa0 ... 0xbf: return try string(Int(b & 0x1f), at: at)
        case 0xc0: return .null
        case 0xc2: return .bool(false)
        case 0xc3: return .bool(true)
        case 0xc4 ... 0xc6: return .binary(try raw(try uint(1 << Int(b - 0xc4)), limit: limits.maxBinaryBytes, "bin", at: at))
        case 0xc7 ... 0xc9: return try ext(Int(try uint(1 << Int(b - 0xc7))), at: at)
        case 0xca: return .float(Double(Float(bitPattern: UInt32(try uint(4)))))
        case 0xcb: return .float(Double(bitPattern: try uint(8)))
        case 0xcc ... 0xcf:
            let v = try uint(1 << Int(b - 0xcc))
            return v <= UInt64(Int64.max) ? .int(Int64(v)) : .uint(v)
        case 0xd0 ... 0xd3:
            let width = 1 << Int(b - 0xd0)
            let shift = UInt64(64 - 8 * width)
            return .int(Int64(bitPattern: try uint(width) << shift) >> Int64(shift))
        case 0xd4 ... 0xd8: return try ext(1 << Int(b - 0xd4), at: at)
        case 0xd9 ... 0xdb: return try string(Int(try uint(1 << Int(b - 0xd9))), at: at)
        case 0xdc, 0xdd: return try array(Int(try uint(b == 0xdc ? 2 : 4)), depth: depth, at: at)
        case 0xde, 0xdf: return try map(Int(try uint(b == 0xde ? 2 : 4)), depth: depth, at: at)
        case 0xe0 ... 0xff: return .int(Int64(Int8(bitPattern: b)))
        default: throw MessagePackError(.malformed, at: at, "byte 0xc1 is reserved and never used")
        }
    }

    private mutating func array(_ n: Int, depth: Int, at: Int) throws(MessagePackError) -> MessagePackValue {
        try checkContainer(n, minBytesEach: 1, depth: depth, "array", at: at)
        var items: [MessagePackValue] = []
        items.reserveCapacity(n)
        for _ in 0..<n { items.append(try value(depth: depth + 1)) }
        return .array(items)
    }

    private mutating func map(_ n: Int, depth: Int, at: Int) throws(MessagePackError) -> MessagePackValue {
        try checkContainer(n, minBytesEach: 2, depth: depth, "map", at: at)
        var pairs: [MessagePackValue.Pair] = []
        pairs.reserveCapacity(n)
        for _ in 0..<n {
            let k = try value(depth: depth + 1)
            pairs.append(.init(k, try value(depth: depth + 1)))
        }
        return .map(pairs)
    }

    private func checkContainer(_ n: Int, minBytesEach: Int, depth: Int, _ what: String, at: Int) throws(MessagePackError) {
        guard depth < limits.maxDepth else { throw MessagePackError(.limit, at: at, "nesting deeper than \(limits.maxDepth)") }
        guard n <= limits.maxElements else { throw MessagePackError(.limit, at: at, "\(what) of \(n) elements exceeds \(limits.maxElements)") }
        guard n * minBytesEach <= bytes.count - offset else {
            throw MessagePackError(.truncated, at: at, "\(what) of \(n) elements but only \(bytes.count - offset) bytes follow")
        }
    }

    private mutating func string(_ n: Int, at: Int) throws(MessagePackError) -> MessagePackValue {
        let raw = try raw(UInt64(n), limit: limits.maxStringBytes, "str", at: at)
        if let s = String(validating: raw, as: UTF8.self) { return .string(s) }
        return .binary(raw)
    }

    private mutating func ext(_ n: Int, at: Int) throws(MessagePackError) -> MessagePackValue {
        let type = Int8(bitPattern: try byte())
        let data = try raw(UInt64(n), limit: limits.maxBinaryBytes, "ext", at: at)
        if type == EventTime.extType, EventTime(extData: data) == nil {
            throw MessagePackError(.malformed, at: at, "EventTime (ext 0) needs 8 bytes with nanoseconds < 10^9, got \(n) bytes")
        }
        return .ext(type: type, data: data)
    }

    private mutating func raw(_ n: UInt64, limit: Int, _ what: String, at: Int) throws(MessagePackError) -> [UInt8] {
        guard n <= UInt64(limit) else { throw MessagePackError(.limit, at: at, "\(what) of \(n) bytes exceeds \(limit)") }
        let count = Int(n)
        guard count <= bytes.count - offset else {
            throw MessagePackError(.truncated, at: at, "\(what) of \(count) bytes but only \(bytes.count - offset) follow")
        }
        defer { offset += count }
        return Array(bytes[offset ..< offset + count])
    }

    private mutating func byte() throws(MessagePackError) -> UInt8 {
        guard offset < bytes.count else { throw MessagePackError(.truncated, at: offset, "input ends inside a value") }
        defer { offset += 1 }
        return bytes[offset]
    }

    private mutating func uint(_ width: Int) throws(MessagePackError) -> UInt64 {
        guard width <= bytes.count - offset else { throw MessagePackError(.truncated, at: offset, "input ends inside a \(width)-byte number") }
        var v: UInt64 = 0
        for i in 0..<width { v = v << 8 | UInt64(bytes[offset + i]) }
        offset += width
        return v
    }
}
