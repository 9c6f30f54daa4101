import Foundation

/// A counting gate between the reader thread (which takes a credit before handing over a
/// batch, blocking only its own thread) and the async side (which gives it back after `send`).
///
/// Not a `DispatchSemaphore`: libdispatch traps when a semaphore is released with fewer credits
/// than it started with, which happens here whenever a batch is dropped at shutdown.
final class JournalCredits: @unchecked Sendable {
    // Safety: `available` is only touched with `condition` locked.
    private let condition = NSCondition()
    private var available: Int

    init(_ count: Int) { available = count }

    /// Takes a credit, waiting up to `timeout` seconds. `false` if none came in time.
    func take(timeout: TimeInterval) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date(timeIntervalSinceNow: timeout)
        while available == 0 {
            if !condition.wait(until: deadline) { break }
        }
        guard available > 0 else { return false }
        available -= 1
        return true
    }

    /// Returns a credit.
    func give() {
        condition.lock()
        available += 1
        condition.unlock()
        condition.signal()
    }
}
