import Foundation

/// Upper tail of the Poisson distribution, accurate for the small means `NewPatternDetector` uses.
enum PoissonTail {
    /// P(N ≥ k) for N ~ Poisson(mean): 1 for k ≤ 0, summed term by term (no cancellation for tiny tails).
    static func probability(atLeast k: Int, mean: Double) -> Double {
        guard k > 0 else { return 1 }
        guard mean > 0, mean.isFinite else { return mean.isFinite ? 0 : 1 }
        // log of the first term e^-μ μ^k / k!
        var logTerm = -mean + Double(k) * Foundation.log(mean)
        for i in 1...k { logTerm -= Foundation.log(Double(i)) }
        var term = Foundation.exp(logTerm)
        var total = 0.0
        var i = k
        while i < k + 1000 {
            total += term
            i += 1
            term *= mean / Double(i)
            if term < total * 1e-15 { break }
        }
        return min(1, total)
    }
}
