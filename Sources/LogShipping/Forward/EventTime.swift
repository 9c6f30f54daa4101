/// Fluentd's EventTime: MessagePack ext type 0 with 8 bytes, seconds and nanoseconds since the
/// Unix epoch, each a big-endian unsigned 32-bit integer.
public struct EventTime: Sendable, Hashable {
    /// The ext type code of EventTime.
    public static let extType: Int8 = 0

    public var seconds: UInt32
    /// 0 ..< 1_000_000_000.
    public var nanoseconds: UInt32

    public init(seconds: UInt32, nanoseconds: UInt32) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// From nanoseconds since the epoch, clamped to the representable range (1970 … 2106).
    public init(nanos: Int64) {
        guard nanos > 0 else {
            self.init(seconds: 0, nanoseconds: 0)
            return
        }
        let s = nanos / 1_000_000_000
        guard s <= Int64(UInt32.max) else {
            self.init(seconds: .max, nanoseconds: 999_999_999)
            return
        }
        self.init(seconds: UInt32(s), nanoseconds: UInt32(nanos % 1_000_000_000))
    }

    /// Decodes an ext payload; nil unless it is 8 bytes with nanoseconds below 10⁹.
    public init?(extData d: [UInt8]) {
        guard d.count == 8 else { return nil }
        let s = d[0..<4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let n = d[4..<8].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard n < 1_000_000_000 else { return nil }
        self.init(seconds: s, nanoseconds: n)
    }

    public var nanosSinceEpoch: Int64 { Int64(seconds) * 1_000_000_000 + Int64(nanoseconds) }

    /// The 8-byte ext payload.
    public var extData: [UInt8] {
        [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: seconds >> $0) } + [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: nanoseconds >> $0) }
    }
}
