import Synchronization

/// A thread-safe counter handing out 0, 1, 2, …
public final class LoopbackCounter: Sendable {
    private let value = Atomic<Int>(0)

    public init() {}

    /// The next number.
    public func next() -> Int { value.wrappingAdd(1, ordering: .relaxed).oldValue }

    /// How many numbers were handed out.
    public var count: Int { value.load(ordering: .relaxed) }
}
