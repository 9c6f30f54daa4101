import FaultMavenCore
import Foundation
import Testing
@testable import LogShipping

@Suite struct RetryPolicyTests {
    func policy(maxTimes: Int? = nil, randomize: Bool = true) -> RetryPolicy {
        RetryPolicy(BufferConfig(retryWait: .seconds(1), retryMaxInterval: .seconds(30), retryTimeout: .seconds(100), retryMaxTimes: maxTimes, retryRandomize: randomize))
    }

    @Test func backoffDoublesUpToTheCap() {
        let p = policy()
        #expect(p.backoff(failures: 1) == .seconds(1))
        #expect(p.backoff(failures: 2) == .seconds(2))
        #expect(p.backoff(failures: 5) == .seconds(16))
        #expect(p.backoff(failures: 6) == .seconds(30))
        #expect(p.backoff(failures: 500) == .seconds(30))
    }

    @Test func fullJitterStaysWithinTheBackoffAndSpreads() throws {
        var rng = SplitMix64(seed: 42)
        let waits = try (0..<200).map { _ in try #require(policy().delay(failures: 4, elapsed: .zero, retryAfter: nil, random: &rng)) }
        #expect(waits.allSatisfy { $0 >= .zero && $0 <= .seconds(8) })
        #expect(waits.contains { $0 < .seconds(2) } && waits.contains { $0 > .seconds(6) })
        #expect(policy(randomize: false).delay(failures: 4, elapsed: .zero, retryAfter: nil, random: &rng) == .seconds(8))
    }

    @Test func retryAfterIsHonouredAndTheDeadlineClamps() {
        var rng = SplitMix64(seed: 1)
        #expect(policy().delay(failures: 1, elapsed: .zero, retryAfter: .seconds(20), random: &rng) == .seconds(20))
        #expect(policy().delay(failures: 1, elapsed: .seconds(95), retryAfter: .seconds(20), random: &rng) == .seconds(5))
        #expect(policy().delay(failures: 1, elapsed: .seconds(100), retryAfter: nil, random: &rng) == nil)
        #expect(policy(maxTimes: 2).delay(failures: 3, elapsed: .zero, retryAfter: nil, random: &rng) == nil)
        #expect(policy(maxTimes: 2).delay(failures: 2, elapsed: .zero, retryAfter: nil, random: &rng) != nil)
    }

    @Test func retryAfterHeaderForms() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(RetryAfter.parse("7", now: now) == .seconds(7))
        #expect(RetryAfter.parse("Tue, 14 Nov 2023 22:13:30 GMT", now: now) == .seconds(10))
        #expect(RetryAfter.parse("999999", now: now) == RetryAfter.maximum)
        #expect(RetryAfter.parse("soon", now: now) == nil)
        #expect(RetryAfter.parse("-3", now: now) == nil)
    }
}
