import FluentConfig
import Foundation

/// Typed, range-checked reads of one directive's parameters; errors point at the parameter's line.
struct OptionReader {
    let section: ConfigSection

    func error(_ spec: ParamSpec, _ message: String) -> FluentConfigError {
        FluentConfigError(message, at: location(spec))
    }

    private func location(_ spec: ParamSpec) -> SourceLocation {
        if case .exact(let name) = spec.name, let p = section.param(name) { return p.location }
        return section.location
    }

    private var name: (ParamSpec) -> String {
        { spec in if case .exact(let n) = spec.name { n } else { "\(spec.name)" } }
    }

    /// An anomaly must open before it can clear: `clear_ratio` at most `min_ratio`.
    func hysteresis(clear: Double, min: Double, at spec: ParamSpec) throws {
        guard clear > min else { return }
        throw error(spec, "clear_ratio \(clear) is above min_ratio \(min): an anomaly would clear before it could open")
    }

    func bool(_ spec: ParamSpec, _ set: (Bool) -> Void) throws {
        if let v = try section.value(for: spec)?.boolValue { set(v) }
    }

    func integer(_ spec: ParamSpec, min: Int, max: Int? = nil, _ set: (Int) -> Void) throws {
        guard let v = try section.value(for: spec)?.intValue else { return }
        guard v >= min else { throw error(spec, "\(name(spec)) must be at least \(min), got \(v)") }
        if let max, v > max { throw error(spec, "\(name(spec)) must be at most \(max), got \(v)") }
        set(v)
    }

    func duration(_ spec: ParamSpec, min: Double, what: String? = nil, _ set: (Double) -> Void) throws {
        guard let v = try section.value(for: spec)?.doubleValue else { return }
        guard v.isFinite, v >= min else {
            throw error(spec, "\(name(spec)) must be at least \(what ?? "\(min)s"), got \(v)s")
        }
        set(v)
    }

    func float(
        _ spec: ParamSpec, above low: Double? = nil, atLeast floor: Double? = nil, below high: Double? = nil,
        atMost ceiling: Double? = nil, _ set: (Double) -> Void
    ) throws {
        guard let v = try section.value(for: spec)?.doubleValue else { return }
        var ok = v.isFinite
        var rule: [String] = []
        if let low { ok = ok && v > low; rule.append("above \(low)") }
        if let floor { ok = ok && v >= floor; rule.append("at least \(floor)") }
        if let high { ok = ok && v < high; rule.append("below \(high)") }
        if let ceiling { ok = ok && v <= ceiling; rule.append("at most \(ceiling)") }
        guard ok else { throw error(spec, "\(name(spec)) must be \(rule.joined(separator: " and ")), got \(v)") }
        set(v)
    }

    /// A list of durations (`1m,5m`, `["60s", 300]`), each positive; at least one.
    func durations(_ spec: ParamSpec, _ set: ([TimeInterval]) -> Void) throws {
        guard let elements = try section.value(for: spec)?.arrayValue else { return }
        var out: [TimeInterval] = []
        for e in elements {
            let seconds: Double?
            switch e {
            case .number(let n): seconds = n
            case .string(let s): seconds = Self.seconds(s)
            default: seconds = nil
            }
            guard let seconds, seconds.isFinite, seconds > 0 else {
                throw error(spec, "\(name(spec)): '\(e.scalarText)' is not a positive duration (like 60s, 5m, 1h)")
            }
            out.append(seconds)
        }
        guard !out.isEmpty else { throw error(spec, "\(name(spec)) needs at least one duration") }
        set(out.sorted())
    }

    /// Seconds in a Fluentd time value: a number with an optional `s`, `m`, `h` or `d` suffix.
    static func seconds(_ text: String) -> Double? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        if let last = t.last, let unit = units[last] {
            return Double(t.dropLast()).map { $0 * unit }
        }
        return Double(t)
    }
}
