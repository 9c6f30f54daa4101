import FaultMavenCore
import Foundation
import LogAnalysis
import LogIngest
import LogParsing
import Troubleshooting

/// `faultmaven analyze`: files through the same pipeline as `run`, in event time, deterministic.
///
/// Every file's events are parsed first, then replayed through templates and detectors merged
/// in event time across files (so a file that falls silent is seen against the others' clocks).
/// Memory therefore grows with the input: about the size of the parsed events.
public struct Analyzer: Sendable {
    public enum Format: String, Sendable, CaseIterable { case text, json, records }

    public var parse: ParserType?
    public var config: AgentConfig?
    public var analysis: AnalysisConfig
    public var maxLineBytes = Limits.maxLineBytes

    public init(parse: ParserType? = nil, config: AgentConfig? = nil) {
        self.parse = parse
        self.config = config
        self.analysis = config?.analysis ?? AnalysisConfig()
    }

    /// One file's parsed events, in file order.
    struct FileEvents {
        var path: String
        var records: [LogRecord]
        var stats: FileReadStats
        var parser: ParserStats
        var format: String
    }

    /// Output of a run: the report plus each file's records (for `--format records`).
    public struct Result: Sendable {
        public var report: AnalyzeReport
        public var records: [[LogRecord]]
    }

    /// Runs the analysis. Unreadable files throw `badInput`; binary files are skipped with a warning.
    public func run(paths: [String], warn: (String) -> Void) throws -> Result {
        var files: [FileEvents] = []
        for path in paths {
            do {
                files.append(try read(path))
            } catch let e as FaultMavenError where e.message.contains("binary file") {
                warn("faultmaven: \(e.message)")
            }
        }
        guard !files.isEmpty else { throw FaultMavenError.badInput("no readable input among \(paths.joined(separator: ", "))") }
        for f in files {
            if f.stats.truncatedLines > 0 {
                warn("faultmaven: \(f.path): \(f.stats.truncatedLines) line(s) longer than \(maxLineBytes) bytes truncated")
            }
            if f.stats.invalidUTF8Lines > 0 {
                warn("faultmaven: \(f.path): \(f.stats.invalidUTF8Lines) line(s) with invalid UTF-8 kept with replacement characters")
            }
        }

        // Replay in event time across files; events without a time take their file's previous time.
        var processor = RecordProcessor(analysis: analysis, miner: config?.templates ?? TemplateMinerConfig())
        var order: [(time: Date, file: Int, index: Int)] = []
        order.reserveCapacity(files.reduce(0) { $0 + $1.records.count })
        let epoch = Date(timeIntervalSince1970: 0)
        for (fi, f) in files.enumerated() {
            var last = f.records.first(where: { $0.time != nil })?.time ?? epoch
            for (ri, r) in f.records.enumerated() {
                if let t = r.time { last = t }
                order.append((last, fi, ri))
            }
        }
        order.sort { ($0.time, $0.file, $0.index) < ($1.time, $1.file, $1.index) }
        var lastBucket = -Double.infinity
        for o in order {
            let now = o.time
            let bucket = (now.timeIntervalSince1970 / analysis.bucketWidth).rounded(.down)
            if bucket > lastBucket {
                if lastBucket.isFinite { _ = processor.advance(to: now) }
                lastBucket = bucket
            }
            _ = processor.process(&files[o.file].records[o.index], now: now)
        }
        if let end = order.last?.time { _ = processor.advance(to: end) }

        let report = buildReport(files, processor)
        return Result(report: report, records: files.map(\.records))
    }

    private func parserConfig(for path: String) -> ParserConfig {
        if let parse { return ParserConfig(type: parse) }
        if let config, let source = config.sources.first(where: { s in s.tail?.paths.contains { GlobMatch.matches($0, path) } == true }) {
            return source.parser
        }
        return ParserConfig(type: .auto)
    }

    private func read(_ path: String) throws -> FileEvents {
        let config = parserConfig(for: path)
        var bank = ParserBank(configs: [path: config], foldRotations: false)
        let reference = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date) ?? Date()
        var records: [LogRecord] = []
        let stats = try LogFileReader.read(path: path, maxLineBytes: maxLineBytes) { batch in
            bank.parse(batch, referenceDate: reference, into: &records)
        }
        bank.flushAll(now: reference, into: &records)
        let parser = bank.stats[path] ?? ParserStats()
        // Container logs report the envelope and the application's format: `cri/json`.
        let inner = parser.detectedFormat?.rawValue ?? config.type.rawValue
        let format = parser.container.map { "\($0.rawValue)/\(inner)" } ?? parse?.rawValue ?? inner
        return FileEvents(path: path, records: records, stats: stats, parser: parser, format: format)
    }

    private func buildReport(_ files: [FileEvents], _ p: RecordProcessor) -> AnalyzeReport {
        let fileRows = files.map { f -> AnalyzeReport.FileRow in
            var levels: [String: Int] = [:]
            for r in f.records { levels[r.level.name, default: 0] += 1 }
            return .init(
                path: f.path, lines: f.stats.lines, events: f.records.count, format: f.format, levels: levels,
                truncatedLines: f.stats.truncatedLines, invalidUtf8Lines: f.stats.invalidUTF8Lines, parseFailures: f.parser.parseFailures)
        }
        let templates = p.templateRows().map { row in
            AnalyzeReport.TemplateRow(
                id: row.info.id, template: row.info.template, count: row.info.count, level: (row.meta?.level ?? .unknown).name,
                firstSeen: row.meta?.firstSeen, lastSeen: row.meta?.lastSeen, sources: row.meta?.sources ?? [])
        }
        let anomalies = p.engine.anomalies.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
        let byID = Dictionary(anomalies.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let responder = BuiltinResponder()
        let incidents = p.engine.incidents.map { inc -> AnalyzeReport.IncidentRow in
            let members = inc.anomalyIDs.compactMap { byID[$0] }
            let answer = responder.answer(TroubleshootingContext(question: "What caused this incident?", anomalies: members))
            return .init(
                id: inc.id, start: inc.start, end: inc.end, anomalies: inc.anomalyIDs, sources: inc.sources,
                severity: inc.severity.rawValue, summary: IncidentText.summary(inc, members),
                rootCauses: answer.rootCauses, nextSteps: answer.recommendations.map(\.text))
        }
        let lines = files.reduce(0) { $0 + $1.stats.lines }
        let events = files.reduce(0) { $0 + $1.records.count }
        let errors = fileRows.reduce(0) { $0 + ($1.levels["ERROR"] ?? 0) + ($1.levels["FATAL"] ?? 0) }
        let summary = "Analyzed \(lines.formatted()) lines (\(events.formatted()) events, \(errors.formatted()) errors) in \(files.count) file\(files.count == 1 ? "" : "s"): "
            + "\(templates.count) templates, \(anomalies.count) \(anomalies.count == 1 ? "anomaly" : "anomalies"), \(incidents.count) incident\(incidents.count == 1 ? "" : "s")."
        return AnalyzeReport(files: fileRows, templates: templates, anomalies: anomalies, incidents: incidents, summary: summary)
    }
}
