import FaultMavenCore
import Foundation
import LogAnalysis
import LogParsing
import Troubleshooting

/// Runs submitted lines through parsing (auto), templates and the detectors, apart from the
/// live state, and summarizes them for the session.
struct LogDigester: Sendable {
    var analysis: AnalysisConfig
    static let maxSamples = 5
    static let maxTemplates = 10

    func digest(lines: [String], label: String) -> LogDigest {
        let now = Date()
        var bank = ParserBank(configs: [:])
        var records: [LogRecord] = []
        let raw = lines.enumerated().map { RawLine(source: label, path: label, tag: label, number: $0.offset + 1, text: $0.element, readAt: now) }
        for chunk in stride(from: 0, to: raw.count, by: Limits.batchLines) {
            bank.parse(Array(raw[chunk..<min(chunk + Limits.batchLines, raw.count)]), referenceDate: now, into: &records)
        }
        bank.flushAll(now: now, into: &records)

        var processor = RecordProcessor(analysis: analysis)
        var levels: [String: Int] = [:]
        var last = records.first(where: { $0.time != nil })?.time ?? now
        for i in records.indices {
            if let t = records[i].time { last = t }
            _ = processor.process(&records[i], now: last)
            levels[records[i].level.name, default: 0] += 1
        }
        _ = processor.advance(to: last)

        // One sample per error/warning template, most frequent template first.
        var byTemplate: [Int: (count: Int, sample: String, level: Level)] = [:]
        for r in records where r.level >= .warn && r.level != .unknown {
            let id = r.templateID ?? -1
            byTemplate[id, default: (0, r.message, r.level)].count += 1
        }
        let samples = byTemplate.sorted { ($0.value.level, $0.value.count, -$0.key) > ($1.value.level, $1.value.count, -$1.key) }
            .prefix(Self.maxSamples).map { String($0.value.sample.prefix(500)) }
        let templates = processor.templateRows(limit: Self.maxTemplates).map {
            LogDigest.TemplateCount(template: $0.info.template, count: $0.info.count, level: ($0.meta?.level ?? .unknown).name)
        }
        return LogDigest(
            lines: lines.count, events: records.count, levels: levels, errorSamples: samples, templates: templates,
            anomalies: processor.engine.anomalies)
    }
}
