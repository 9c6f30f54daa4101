import Foundation
import Synchronization

/// A clock that moves only when told.
final class ManualClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) {
        current = Mutex(start)
    }

    var now: Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    /// A closure reading this clock, for `StateStore(now:)`.
    var source: @Sendable () -> Date { { self.now } }
}
