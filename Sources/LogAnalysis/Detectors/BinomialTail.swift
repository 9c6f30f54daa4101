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

    /// -log10 of the exact tail P(X ≥ k) for X ~ Binomial(n, p), summed in log space from k upwards
    /// (at most `maxTerms` terms, the rest bounded by a geometric series). 0 when k/n ≤ p.
    /// Sharper than `significance` by the bound's polynomial slack, so it has more power at low counts.
    static func exactSignificance(successes k: Int, trials n: Int, probability p: Double, maxTerms: Int = 4096) -> Double {
        guard n > 0, k > 0, p > 0, p < 1 else { return 0 }
        let k = min(k, n)
        guard Double(k) > Double(n) * p else { return 0 }
        let logP = Foundation.log(p), logQ = Foundation.log1p(-p)
        func logPMF(_ i: Int) -> Double {
            Foundation.lgamma(Double(n) + 1) - Foundation.lgamma(Double(i) + 1) - Foundation.lgamma(Double(n - i) + 1)
                + Double(i) * logP + Double(n - i) * logQ
        }
        let first = logPMF(k)
        // Sum of term(i) / term(k) for i ≥ k.
        var relative = 1.0
        var term = 1.0
        var i = k
        while i < n, i - k < maxTerms {
            let ratio = Double(n - i) / Double(i + 1) * p / (1 - p)
            term *= ratio
            i += 1
            if i - k == maxTerms || i == n {
                relative += term
                if i < n, ratio < 1 { relative += term * ratio / (1 - ratio) }
                break
            }
            relative += term
            if term < relative * 1e-12 { break }
        }
        let log10Tail = (first + Foundation.log(relative)) / Foundation.log(10.0)
        return max(0, -log10Tail)
    }
}
