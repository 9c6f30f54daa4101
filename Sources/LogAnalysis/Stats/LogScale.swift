import Foundation

/// The fixed grid numeric values are binned on: log(1 + v) in steps of 1/32 (about 3 % apart),
/// values beyond e^48 clamped to the last bin. Ratios of values are differences of bins.
enum LogScale {
    /// Bins per unit of log(1 + v).
    static let binsPerUnit = 32.0
    /// Number of bins (log(1 + v) from 0 up to 48).
    static let binCount = 48 * 32

    /// The bin of `value` (negative values count as 0).
    static func bin(_ value: Double) -> UInt16 {
        let x = Foundation.log1p(max(0, value)) * binsPerUnit
        guard x.isFinite else { return UInt16(binCount - 1) }
        return UInt16(min(Double(binCount - 1), max(0, x)))
    }

    /// log(1 + v) at position `position` on the grid (in bins; fractional within a bin).
    static func logValue(_ position: Double) -> Double { position / binsPerUnit }
}
