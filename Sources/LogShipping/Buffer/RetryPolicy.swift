/// Exponential backoff with full jitter, as configured by the `retry_*` parameters.
///
/// The n-th retry waits a uniform random time in `0...min(retry_max_interval, retry_wait × base^(n-1))`
/// (the whole backoff without `retry_randomize`), at least what the receiver asked for
/// (`Retry-After`), and never past the `retry_timeout` deadline: the last attempt happens at the
/// deadline and a chunk that still fails then is given up.
struct RetryPolicy: Sendable {
    var wait: Duration
    var maxInterval: Duration
    var timeout: Duration
    var maxTimes: Int?
    var forever: Bool
    var base: Double
    var randomize: Bool

    init(_ c: BufferConfig) {
        wait = c.retryWait
        maxInterval = c.retryMaxInterval
        timeout = c.retryTimeout
        maxTimes = c.retryMaxTimes
        forever = c.retryForever
        base = c.retryExponentialBackoffBase
        randomize = c.retryRandomize
    }

    /// The capped backoff before retry number `failures` (1 = the first retry).
    func backoff(failures: Int) -> Duration {
        let cap = maxInterval.seconds
        var v = wait.seconds
        for _ in 1..<max(failures, 1) {
            v *= base
            if v >= cap { return maxInterval }
        }
        return .milliseconds(Int64((min(v, cap) * 1000).rounded()))
    }

    /// How long to wait after the `failures`-th consecutive failure; nil: give up now.
    /// `elapsed` is the time since the first failure.
    func delay(failures: Int, elapsed: Duration, retryAfter: Duration?, random: inout some RandomNumberGenerator) -> Duration? {
        if !forever {
            if let maxTimes, failures > maxTimes { return nil }
            if elapsed >= timeout { return nil }
        }
        let cap = backoff(failures: failures)
        var d = randomize ? .milliseconds(Int64((Double.random(in: 0...1, using: &random) * cap.seconds * 1000).rounded())) : cap
        if let retryAfter, retryAfter > d { d = retryAfter }
        if !forever { d = min(d, timeout - elapsed) }
        return d
    }
}
