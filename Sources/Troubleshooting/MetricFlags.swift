/// Reads user-sent metrics (`{"cpu_usage": 97, "error_rate": 0.2}`) and flags the notable ones.
/// Rules go by common naming conventions; a metric that matches no rule is not flagged.
enum MetricFlags {
    struct Flag: Sendable, Hashable {
        var name: String
        var value: Double
        var reason: String
        var advice: String
        /// A line for knowledge-base matching.
        var evidence: String
    }

    static func notable(_ metrics: [String: Double]) -> [Flag] {
        metrics.keys.sorted().compactMap { name in
            let v = metrics[name]!
            let n = name.lowercased()
            // Utilization given as a percentage (0-100) or a fraction (0-1).
            let utilization = v > 1 ? v / 100 : v
            if n.contains("cpu"), utilization >= 0.9 {
                return Flag(name: name, value: v, reason: "CPU is saturated", advice: "CPU is near its limit: find the busiest process and check for throttling.", evidence: "high load cpu usage \(name)")
            }
            if n.contains("mem"), utilization >= 0.9 {
                return Flag(name: name, value: v, reason: "memory is nearly exhausted", advice: "Memory is near its limit: check for leaks and OOM kills.", evidence: "out of memory \(name)")
            }
            if n.contains("disk") || n.contains("fs_") || n.contains("filesystem"), utilization >= 0.9 {
                return Flag(name: name, value: v, reason: "the disk is nearly full", advice: "Disk is nearly full: free space and fix retention.", evidence: "no space left on device \(name)")
            }
            if n.contains("error"), n.contains("rate") || n.contains("ratio"), utilization >= 0.05 {
                return Flag(name: name, value: v, reason: "the error rate is high", advice: "The error rate is high: find the dominant error message and when it started.", evidence: "error rate \(name)")
            }
            if n.contains("latency") || n.contains("duration") || n.hasSuffix("_ms") || n.contains("p99") {
                let ms = n.hasSuffix("_seconds") || n.hasSuffix("_s") ? v * 1000 : v
                if ms >= 1000 {
                    return Flag(name: name, value: v, reason: "latency is over a second", advice: "Latency is high: find the slow dependency or query.", evidence: "timeout slow query \(name)")
                }
            }
            return nil
        }
    }
}
