import Synchronization

/// Stops calling a failing provider: opens after `threshold` consecutive failures, lets one probe
/// through after `cooldown`, closes when the probe succeeds and reopens when it fails.
public final class CircuitBreaker: Sendable {
    public enum State: Sendable, Equatable {
        case closed(consecutiveFailures: Int)
        case open(since: Duration)
        case halfOpen(probing: Bool)
    }

    /// What an attempt turned out to say about the provider.
    public enum Outcome: Sendable {
        /// The provider answered (even a bad-request answer proves it is up).
        case healthy
        case failed
        /// Says nothing (cancelled): a probe slot is handed back.
        case neutral
    }

    public let threshold: Int
    public let cooldown: Duration
    private let state = Mutex(State.closed(consecutiveFailures: 0))

    public init(threshold: Int, cooldown: Duration) {
        self.threshold = max(1, threshold)
        self.cooldown = cooldown
    }

    public var current: State { state.withLock { $0 } }

    /// Nil when a call may go ahead, else why not.
    public func admit(now: Duration) -> String? {
        state.withLock { s in
            switch s {
            case .closed:
                return nil
            case .open(let since):
                let left = since + cooldown - now
                guard left <= .zero else {
                    return "circuit breaker open after \(threshold) consecutive failures; next try in \(left.formattedSeconds)"
                }
                s = .halfOpen(probing: true)
                return nil
            case .halfOpen(let probing):
                if probing { return "circuit breaker half-open: a probe call is in flight" }
                s = .halfOpen(probing: true)
                return nil
            }
        }
    }

    /// Records an attempt's outcome.
    public func record(_ outcome: Outcome, now: Duration) {
        state.withLock { s in
            switch (outcome, s) {
            case (.healthy, _):
                s = .closed(consecutiveFailures: 0)
            case (.failed, .closed(let n)):
                s = n + 1 >= threshold ? .open(since: now) : .closed(consecutiveFailures: n + 1)
            case (.failed, .halfOpen), (.failed, .open):
                s = .open(since: now)
            case (.neutral, .halfOpen):
                s = .halfOpen(probing: false)
            case (.neutral, _):
                break
            }
        }
    }
}
