import Synchronization

/// Requests and tokens allowed per hour, counted in fixed one-hour windows starting at the first
/// use after the previous window ended.
public final class HourlyBudget: Sendable {
    private struct State {
        var windowStart: Duration?
        var requests = 0
        var tokens = 0
    }

    public let requestsPerHour: Int?
    public let tokensPerHour: Int?
    private let state = Mutex(State())
    private static let hour = Duration.seconds(3600)

    public init(requestsPerHour: Int?, tokensPerHour: Int?) {
        self.requestsPerHour = requestsPerHour
        self.tokensPerHour = tokensPerHour
    }

    /// Counts one request and returns nil, or returns why the budget refuses it.
    public func admitRequest(now: Duration) -> String? {
        state.withLock { s in
            roll(&s, now)
            let resets = (s.windowStart ?? now) + Self.hour - now
            if let limit = requestsPerHour, s.requests >= limit {
                return "hourly request budget of \(limit) is used up; it resets in \(resets.formattedSeconds)"
            }
            if let limit = tokensPerHour, s.tokens >= limit {
                return "hourly token budget of \(limit) is used up (\(s.tokens) used); it resets in \(resets.formattedSeconds)"
            }
            s.requests += 1
            return nil
        }
    }

    /// Adds tokens a finished request consumed.
    public func spend(tokens: Int, now: Duration) {
        state.withLock { s in
            roll(&s, now)
            s.tokens += max(0, tokens)
        }
    }

    /// Requests and tokens counted in the current window.
    public func used(now: Duration) -> (requests: Int, tokens: Int) {
        state.withLock { s in
            roll(&s, now)
            return (s.requests, s.tokens)
        }
    }

    private func roll(_ s: inout State, _ now: Duration) {
        if let start = s.windowStart, now - start < Self.hour { return }
        s = State(windowStart: now)
    }
}
