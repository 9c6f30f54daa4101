/// A small, fast, seedable generator (SplitMix64), so demo traffic, generated benchmark input
/// and tests are the same on every machine.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<n` (n > 0); the tiny modulo bias does not matter for generated data.
    public mutating func next(below n: Int) -> Int { Int(next() % UInt64(n)) }

    /// A value in `range`.
    public mutating func next(in range: ClosedRange<Int>) -> Int { range.lowerBound + next(below: range.count) }

    /// A value in `0..<1`.
    public mutating func nextDouble() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
