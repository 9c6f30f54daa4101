import FaultMavenCore
import Foundation
import LogAnalysis

/// Memory of the analysis with 10,000 live templates across 50 sources: one hour of event time fed
/// through `AnalysisEngine` (200 templates per source, each with a latency-like numeric parameter), so
/// every bucket ring is full and every series is tracked. Returns a markdown table with the bytes per
/// tracked series (RSS growth over the number of series) and the peak RSS (`VmHWM`).
func analysisMemoryBench() -> String {
    let sources = 50
    let templatesPerSource = 200
    let seconds = 3600
    let linesPerSourcePerSecond = 3
    var config = AnalysisConfig()
    config.maxTemplatesPerSource = templatesPerSource

    let before = processMemory()
    var engine = AnalysisEngine(config: config)
    let start = Date(timeIntervalSince1970: 1_772_438_400)
    var state: UInt64 = 0x5EED
    func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    let names = (0..<sources).map { "/var/log/service-\($0).log" }
    var records = 0
    for second in 0..<seconds {
        let time = start.addingTimeInterval(Double(second))
        for s in 0..<sources {
            for k in 0..<linesPerSourcePerSecond {
                // Templates cycle so each is seen about 54 times in the hour (past `minTemplateCount`).
                let t = (second * linesPerSourcePerSecond + k + s * 7) % templatesPerSource
                let id = s * templatesPerSource + t
                let latency = 20 + Int(next() % 40)
                let template = "GET /api/v\(t)/items/<*> 200 in <*>"
                let message = "GET /api/v\(t)/items/\(next() % 100_000) 200 in \(latency)ms"
                let record = LogRecord(
                    source: names[s], time: time.addingTimeInterval(Double(k) / Double(linesPerSourcePerSecond)),
                    level: .info, message: message, templateID: id, template: template,
                    params: ["\(next() % 100_000)", "\(latency)ms"])
                _ = engine.observe(record, now: record.time!)
                records += 1
            }
        }
    }
    _ = engine.advance(to: start.addingTimeInterval(Double(seconds)))
    let after = processMemory()

    var templates = 0
    var metricSeries = 0
    for name in names {
        guard let stats = engine.stats(for: name) else { continue }
        templates += stats.templates.count
        metricSeries += stats.metrics.count
    }
    let series = templates + metricSeries + sources
    let growth = max(0, after.rss - before.rss)
    let trafficRing = config.historyBuckets * MemoryLayout<TrafficBucket>.stride
    let metricRing = config.historyBuckets * MemoryLayout<MetricBucket>.stride
    func mib(_ bytes: Int) -> String { String(format: "%.1f MiB", Double(bytes) / 1_048_576) }
    let rows: [(String, String)] = [
        ("sources", "\(sources)"),
        ("records fed (1 h of event time)", "\(records)"),
        ("templates tracked", "\(templates)"),
        ("numeric series tracked (capped at \(config.metricShift.maxSeriesPerSource) per source)", "\(metricSeries)"),
        ("traffic ring per source (\(config.historyBuckets) buckets)", "\(trafficRing) B"),
        ("numeric series ring (\(config.historyBuckets) buckets)", "\(metricRing) B"),
        ("RSS growth while feeding", mib(growth)),
        ("bytes per tracked series (RSS growth / \(series) series: templates + numeric + sources)",
         series > 0 ? "\(growth / series) B" : "n/a"),
        ("peak RSS (VmHWM)", after.peak > 0 ? mib(after.peak) : "n/a (no /proc/self/status)"),
    ]
    var out = "| analysis memory | value |\n| --- | ---: |\n"
    for (k, v) in rows { out += "| \(k) | \(v) |\n" }
    return out
}

/// Resident and peak resident memory of this process in bytes, from `/proc/self/status` (0 where
/// unavailable).
private func processMemory() -> (rss: Int, peak: Int) {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return (0, 0) }
    func bytes(_ line: Substring) -> Int { (Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0) * 1024 }
    var rss = 0
    var peak = 0
    for line in text.split(separator: "\n") {
        if line.hasPrefix("VmRSS:") { rss = bytes(line) }
        if line.hasPrefix("VmHWM:") { peak = bytes(line) }
    }
    return (rss, peak)
}
