/// The clock, sleep and randomness a `ResilientLLMProvider` uses; tests substitute their own.
public struct ResilienceEnvironment: Sendable {
    /// Monotonic time since an arbitrary origin.
    public var now: @Sendable () -> Duration
    /// Waits between attempts.
    public var sleep: @Sendable (Duration) async throws -> Void
    /// A number in 0..<1 for backoff jitter.
    public var random: @Sendable () -> Double

    public init(
        now: @escaping @Sendable () -> Duration, sleep: @escaping @Sendable (Duration) async throws -> Void,
        random: @escaping @Sendable () -> Double
    ) {
        self.now = now
        self.sleep = sleep
        self.random = random
    }

    /// The real clock, `Task.sleep` and the system random generator.
    public static var live: ResilienceEnvironment {
        let origin = ContinuousClock.now
        return ResilienceEnvironment(
            now: { ContinuousClock.now - origin }, sleep: { try await Task.sleep(for: $0) },
            random: { Double.random(in: 0..<1) })
    }
}
