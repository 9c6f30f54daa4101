import Foundation

/// Significance of seeing many "successes" (errors) among trials (lines) given a baseline probability.
enum BinomialTail {
    /// -log10 of the Chernoff bound exp(-n·KL(k/n ‖ p)) on P(X ≥ k) for X ~ Binomial(n, p).
    /// 0 when k/n ≤ p. The bound is never below the exact tail, so thresholds on it are conservative.
    static func significance(successes k: Int, trials n: Int, probability p: Double) -> Double {
        guard n > 0, k > 0, p > 0, p < 1 else { return 0 }
        let q = Double(min(k, n)) / Double(n)
        guard q > p else { return 0 }
        var kl = q * Foundation.log(q / p)
        if q < 1 { kl += (1 - q) * Foundation.log((1 - q) / (1 - p)) }
        return Double(n) * kl / Foundation.log(10.0)
    }
}
