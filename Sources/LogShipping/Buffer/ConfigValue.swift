/// Fluentd's value syntax for sizes, times and booleans, with errors naming the parameter.
enum ConfigValue {
    /// `512`, `8k`, `8m`, `1.5g`, `1t` (optionally with a trailing `b`; 1024-based).
    static func size(_ text: String, _ name: String) throws(ShipError) -> Int {
        var t = text.lowercased().trimmingSpaces
        if t.hasSuffix("b") { t.removeLast() }
        var scale = 1.0
        if let unit = t.last, let power = ["k": 1.0, "m": 2.0, "g": 3.0, "t": 4.0][String(unit)] {
            scale = pow1024(power)
            t.removeLast()
        }
        guard let v = Double(t), v >= 0, v * scale < Double(Int.max) else {
            throw ShipError.config("\(name): \"\(text)\" is not a size (like 512, 8k, 8m, 1g)")
        }
        return Int(v * scale)
    }

    /// `30`, `0.5`, `250ms`, `30s`, `5m`, `1h`, `3d` as a duration.
    static func time(_ text: String, _ name: String) throws(ShipError) -> Duration {
        var t = text.lowercased().trimmingSpaces
        var scale = 1.0
        for (unit, s) in [("ms", 0.001), ("s", 1.0), ("m", 60.0), ("h", 3600.0), ("d", 86_400.0)] where t.hasSuffix(unit) {
            scale = s
            t.removeLast(unit.count)
            break
        }
        guard let v = Double(t), v >= 0, v * scale < 1e12 else {
            throw ShipError.config("\(name): \"\(text)\" is not a time (like 0.5, 250ms, 30s, 5m, 1h)")
        }
        return .milliseconds(Int64((v * scale * 1000).rounded()))
    }

    static func bool(_ text: String, _ name: String) throws(ShipError) -> Bool {
        switch text.lowercased().trimmingSpaces {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw ShipError.config("\(name): \"\(text)\" is not true or false")
        }
    }

    static func integer(_ text: String, _ name: String, min: Int = 0) throws(ShipError) -> Int {
        guard let v = Int(text.trimmingSpaces), v >= min else {
            throw ShipError.config("\(name): \"\(text)\" is not an integer ≥ \(min)")
        }
        return v
    }

    private static func pow1024(_ p: Double) -> Double {
        var v = 1.0
        for _ in 0..<Int(p) { v *= 1024 }
        return v
    }
}
