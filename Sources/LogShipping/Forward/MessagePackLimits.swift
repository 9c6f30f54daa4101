/// Bounds the decoder enforces, so hostile input cannot exhaust memory or the stack.
///
/// Independently of these, a declared length or element count larger than the bytes left is
/// reported (as `truncated`) before anything is allocated.
public struct MessagePackLimits: Sendable, Equatable {
    /// Deepest nesting of arrays and maps (1: a flat array).
    public var maxDepth: Int
    /// Longest `str`, in bytes.
    public var maxStringBytes: Int
    /// Longest `bin` or `ext` payload, in bytes.
    public var maxBinaryBytes: Int
    /// Most elements of one array, or pairs of one map.
    public var maxElements: Int

    public init(maxDepth: Int = 64, maxStringBytes: Int = 16 << 20, maxBinaryBytes: Int = 256 << 20, maxElements: Int = 1 << 22) {
        self.maxDepth = maxDepth
        self.maxStringBytes = maxStringBytes
        self.maxBinaryBytes = maxBinaryBytes
        self.maxElements = maxElements
    }
}
