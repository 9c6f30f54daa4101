import DequeModule
import Synchronization

/// An async counting semaphore: at most `limit` holders at once; up to `maxWaiting` callers wait
/// (suspended, not blocking a thread) in arrival order; more are refused at once.
public final class ConcurrencyLimiter: Sendable {
    /// Why `acquire()` did not grant a slot.
    public enum Refusal: Error, Sendable, Equatable {
        /// `maxWaiting` callers were already waiting.
        case queueFull(limit: Int, waiting: Int)
        /// The waiting task was cancelled.
        case cancelled
    }

    private struct Waiter {
        let id: UInt64
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var active = 0
        var nextID: UInt64 = 0
        var waiters = Deque<Waiter>()
        /// Ids handed out whose continuation is not registered yet.
        var pending = Set<UInt64>()
        /// Pending ids whose task was cancelled before registering.
        var cancelledEarly = Set<UInt64>()
    }

    public let limit: Int
    public let maxWaiting: Int
    private let state = Mutex(State())

    public init(limit: Int, maxWaiting: Int = 1_000) {
        self.limit = max(1, limit)
        self.maxWaiting = max(0, maxWaiting)
    }

    /// Holders right now.
    public var active: Int { state.withLock { $0.active } }
    /// Callers waiting right now.
    public var waiting: Int { state.withLock { $0.waiters.count } }

    /// Waits for a slot. Every successful call must be balanced by one `release()`.
    /// Throws `Refusal.queueFull` or `Refusal.cancelled`.
    public func acquire() async throws {
        if Task.isCancelled { throw Refusal.cancelled }
        let id: UInt64? = state.withLock { s in
            if s.active < limit {
                s.active += 1
                return nil
            }
            s.nextID += 1
            s.pending.insert(s.nextID)
            return s.nextID
        }
        guard let id else { return }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome: Result<Void, Refusal>? = state.withLock { s in
                    s.pending.remove(id)
                    if s.cancelledEarly.remove(id) != nil { return .failure(.cancelled) }
                    if s.active < limit {
                        s.active += 1
                        return .success(())
                    }
                    if s.waiters.count >= maxWaiting { return .failure(.queueFull(limit: limit, waiting: s.waiters.count)) }
                    s.waiters.append(Waiter(id: id, continuation: continuation))
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            let waiter: Waiter? = state.withLock { s in
                if let i = s.waiters.firstIndex(where: { $0.id == id }) { return s.waiters.remove(at: i) }
                if s.pending.contains(id) { s.cancelledEarly.insert(id) }
                return nil
            }
            waiter?.continuation.resume(throwing: Refusal.cancelled)
        }
    }

    /// Returns a slot, handing it to the longest waiter if there is one.
    public func release() {
        let next: Waiter? = state.withLock { s in
            if let w = s.waiters.popFirst() { return w }
            s.active = max(0, s.active - 1)
            return nil
        }
        next?.continuation.resume()
    }
}
