/// An ASCII field key of at most 15 bytes packed into two words with its length, so that finding
/// it among the time, message and level keys compares integers instead of strings. Two ASCII
/// strings are equal exactly when their bytes are; other keys do not pack (strings compare by
/// canonical equivalence, not by bytes).
struct PackedKey: Equatable, Sendable {
    let low: UInt64
    let high: UInt64

    /// The longest key that packs.
    static let maxBytes = 15

    /// The key whose bytes are `b[from..<to]`; nil when longer than `maxBytes`, not ASCII, or
    /// holding a backslash (an escape: the key is not its bytes).
    @inline(__always)
    init?(_ b: Bytes, _ from: Int, _ to: Int) {
        let n = to - from
        guard n <= Self.maxBytes else { return nil }
        var low: UInt64 = 0
        var high: UInt64 = 0
        for k in 0..<n {
            let c = b[from + k]
            guard c < 0x80, c != ASCII.backslash else { return nil }
            if k < 8 { low |= UInt64(c) << (8 * k) } else { high |= UInt64(c) << (8 * (k - 8)) }
        }
        self.low = low
        self.high = high | UInt64(n) << 56
    }

    /// Nil when `key` is longer than `maxBytes` or not ASCII.
    @inline(__always)
    init?(_ key: String) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var n = 0
        for c in key.utf8 {
            guard n < Self.maxBytes, c < 0x80 else { return nil }
            if n < 8 { low |= UInt64(c) << (8 * n) } else { high |= UInt64(c) << (8 * (n - 8)) }
            n += 1
        }
        self.low = low
        self.high = high | UInt64(n) << 56
    }
}
