import Foundation
import Synchronization

/// FaultMaven's own metrics registry, rendered in the Prometheus text format.
///
/// Why not swift-metrics/swift-prometheus: every family here has a series limit (log-derived
/// label values such as templates or sources are unbounded), evictions are counted in
/// `faultmaven_metric_series_dropped_total`, and HELP/TYPE text is declared where the family is made.
/// Hot paths hold a `Counter`/`Gauge` handle: one atomic add, no lookup.
public final class MetricsRegistry: Sendable {
    public enum Kind: String, Sendable { case counter, gauge }

    private let families = Mutex<[String: MetricFamily]>([:])
    /// Default limit on label combinations per family.
    public let maxSeriesPerFamily: Int
    private let dropped: MetricFamily

    public init(maxSeriesPerFamily: Int = 2_000) {
        self.maxSeriesPerFamily = maxSeriesPerFamily
        let dropped = MetricFamily(
            name: "faultmaven_metric_series_dropped_total", help: "Metric updates discarded because a family reached its series limit.",
            kind: .counter, labelNames: ["metric"], maxSeries: 10_000, dropped: nil)
        self.dropped = dropped
        families.withLock { $0[dropped.name] = dropped }
    }

    /// Returns the counter family `name`, creating it on first use. Names should end in `_total`.
    public func counterFamily(_ name: String, help: String, labels: [String] = []) -> MetricFamily {
        family(name, help: help, kind: .counter, labels: labels)
    }

    public func gaugeFamily(_ name: String, help: String, labels: [String] = []) -> MetricFamily {
        family(name, help: help, kind: .gauge, labels: labels)
    }

    /// A counter without labels.
    public func counter(_ name: String, help: String) -> Counter {
        counterFamily(name, help: help).counter()
    }

    /// A gauge without labels.
    public func gauge(_ name: String, help: String) -> Gauge {
        gaugeFamily(name, help: help).gauge()
    }

    private func family(_ name: String, help: String, kind: Kind, labels: [String]) -> MetricFamily {
        families.withLock { map in
            if let f = map[name] {
                precondition(f.kind == kind && f.labelNames == labels, "metric \(name) registered twice with different shapes")
                return f
            }
            let f = MetricFamily(name: name, help: help, kind: kind, labelNames: labels, maxSeries: maxSeriesPerFamily, dropped: dropped)
            map[name] = f
            return f
        }
    }

    /// The whole registry in Prometheus text exposition format 0.0.4.
    public func render() -> String {
        let all = families.withLock { Array($0.values) }.sorted { $0.name < $1.name }
        var out = ""
        for f in all { f.render(into: &out) }
        return out
    }

    /// Current value of one series, for tests and status pages.
    public func value(_ name: String, _ labels: [String] = []) -> Double? {
        guard let f = families.withLock({ $0[name] }) else { return nil }
        return f.existingValue(labels)
    }
}

/// One metric name with its label names and series.
public final class MetricFamily: Sendable {
    public let name: String
    public let help: String
    public let kind: MetricsRegistry.Kind
    public let labelNames: [String]
    let maxSeries: Int
    private let series = Mutex<[[String]: MetricCell]>([:])
    private let overflow = MetricCell()
    private let dropped: MetricFamily?

    init(name: String, help: String, kind: MetricsRegistry.Kind, labelNames: [String], maxSeries: Int, dropped: MetricFamily?) {
        self.name = name
        self.help = help
        self.kind = kind
        self.labelNames = labelNames
        self.maxSeries = maxSeries
        self.dropped = dropped
    }

    func cell(_ values: [String]) -> MetricCell {
        precondition(values.count == labelNames.count, "metric \(name) takes \(labelNames.count) label values")
        let (cell, overflowed) = series.withLock { map -> (MetricCell, Bool) in
            if let c = map[values] { return (c, false) }
            if map.count >= maxSeries { return (overflow, true) }
            let c = MetricCell()
            map[values] = c
            return (c, false)
        }
        if overflowed { dropped?.counter([name]).increment() }
        return cell
    }

    /// A handle on the series with these label values (in `labelNames` order).
    public func counter(_ values: String...) -> Counter { Counter(cell: cell(values)) }
    public func counter(_ values: [String]) -> Counter { Counter(cell: cell(values)) }
    public func gauge(_ values: String...) -> Gauge { Gauge(cell: cell(values)) }
    public func gauge(_ values: [String]) -> Gauge { Gauge(cell: cell(values)) }

    /// Removes a series (a file that is no longer watched, a source that went away).
    public func remove(_ values: [String]) {
        _ = series.withLock { $0.removeValue(forKey: values) }
    }

    func existingValue(_ values: [String]) -> Double? {
        series.withLock { $0[values] }.map { kind == .counter ? Double($0.bits.load(ordering: .relaxed)) : $0.doubleValue }
    }

    func render(into out: inout String) {
        let rows = series.withLock { map in map.map { ($0.key, $0.value) } }.sorted { $0.0.lexicographicallyPrecedes($1.0) }
        out += "# HELP \(name) \(escapeHelp(help))\n# TYPE \(name) \(kind.rawValue)\n"
        if rows.isEmpty && labelNames.isEmpty {
            out += "\(name) 0\n"
            return
        }
        for (values, cell) in rows {
            out += name
            if !values.isEmpty {
                out += "{"
                for (i, (k, v)) in zip(labelNames, values).enumerated() {
                    if i > 0 { out += "," }
                    out += "\(k)=\"\(escapeLabel(v))\""
                }
                out += "}"
            }
            out += " "
            out += kind == .counter ? String(cell.bits.load(ordering: .relaxed)) : formatDouble(cell.doubleValue)
            out += "\n"
        }
    }
}

/// Storage for one series: an integer count for counters, a Double's bit pattern for gauges.
final class MetricCell: Sendable {
    let bits = Atomic<UInt64>(0)
    var doubleValue: Double { Double(bitPattern: bits.load(ordering: .relaxed)) }
}

/// A monotonically increasing count.
public struct Counter: Sendable {
    let cell: MetricCell
    @inline(__always) public func increment(by n: Int = 1) {
        if n > 0 { cell.bits.wrappingAdd(UInt64(n), ordering: .relaxed) }
    }
    public var value: Int { Int(cell.bits.load(ordering: .relaxed)) }
}

/// A value that goes up and down.
public struct Gauge: Sendable {
    let cell: MetricCell
    public func set(_ v: Double) { cell.bits.store(v.bitPattern, ordering: .relaxed) }
    public func set(_ v: Int) { set(Double(v)) }
    public func add(_ d: Double) {
        var old = cell.bits.load(ordering: .relaxed)
        while true {
            let new = (Double(bitPattern: old) + d).bitPattern
            let (done, current) = cell.bits.compareExchange(expected: old, desired: new, ordering: .relaxed)
            if done { return }
            old = current
        }
    }
    public var value: Double { cell.doubleValue }
}

private func escapeHelp(_ s: String) -> String {
    s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
}

private func escapeLabel(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.count)
    for ch in s {
        switch ch {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        default: out.append(ch)
        }
    }
    return out
}

func formatDouble(_ v: Double) -> String {
    if v.isNaN { return "NaN" }
    if v.isInfinite { return v > 0 ? "+Inf" : "-Inf" }
    if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
    return String(v)
}
