import Foundation
import Synchronization

/// A clock tests move by hand.
final class ManualClock: Sendable {
    private let t = Mutex(Date(timeIntervalSince1970: 1_000_000))
    func now() -> Date { t.withLock { $0 } }
    func advance(_ s: TimeInterval) { t.withLock { $0 = $0.addingTimeInterval(s) } }
}
