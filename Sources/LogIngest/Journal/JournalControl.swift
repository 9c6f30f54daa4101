import FaultMavenCore
import Synchronization

/// State shared by the async side of ``JournalSource`` and its ``JournalReaderThread``.
final class JournalControl: Sendable {
    /// Set when the reader must stop producing entries (shutdown, output gone).
    let stopReading = Atomic<Bool>(false)
    /// Set when the reader must write the final cursor and exit.
    let finishRequested = Atomic<Bool>(false)
    /// Batches the reader may hand over before the async side has sent them: the reader takes
    /// one before yielding a batch, the async side returns it after `send`.
    let credits: JournalCredits
    /// Which cursor may be stored (see ``JournalCursorTracker``).
    let tracker: Mutex<JournalCursorTracker>
    private let exit = Mutex<(done: Bool, waiter: CheckedContinuation<Void, Never>?)>((false, nil))

    init(credits: Int, tracker: JournalCursorTracker) {
        self.credits = JournalCredits(credits)
        self.tracker = Mutex(tracker)
    }

    var isStopping: Bool { stopReading.load(ordering: .acquiring) }

    func requestStop() { stopReading.store(true, ordering: .releasing) }

    func requestFinish() {
        requestStop()
        finishRequested.store(true, ordering: .releasing)
    }

    /// Called by the reader thread as its last action.
    func markExited() {
        let waiter = exit.withLock { s -> CheckedContinuation<Void, Never>? in
            s.done = true
            defer { s.waiter = nil }
            return s.waiter
        }
        waiter?.resume()
    }

    /// Suspends (without blocking a thread) until the reader thread has exited.
    func waitForExit() async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let done = exit.withLock { s -> Bool in
                if !s.done { s.waiter = c }
                return s.done
            }
            if done { c.resume() }
        }
    }
}
