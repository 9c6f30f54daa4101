import LLMProviders
import Synchronization

/// A clock tests move by hand, and a sleep that records and moves that clock instead of waiting.
final class ManualEnvironment: Sendable {
    private let time = Mutex<Duration>(.seconds(1000))
    private let slept = Mutex<[Duration]>([])
    let randomValue: Double

    init(random: Double = 0.5) { randomValue = random }

    func advance(_ d: Duration) { time.withLock { $0 += d } }
    var sleeps: [Duration] { slept.withLock { $0 } }

    var environment: ResilienceEnvironment {
        ResilienceEnvironment(
            now: { self.time.withLock { $0 } },
            sleep: { d in
                self.slept.withLock { $0.append(d) }
                self.advance(d)
            },
            random: { [randomValue] in randomValue })
    }
}
