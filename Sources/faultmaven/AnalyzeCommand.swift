import ArgumentParser
import Logging
import FaultMavenAgent
import FaultMavenCore
import Foundation
import LogParsing
import QueryServer

extension ParserType: ExpressibleByArgument {}
extension Analyzer.Format: ExpressibleByArgument {}

struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyze log files once, in event time: templates, anomalies, incidents.",
        discussion: "FILE may be '-' for standard input; .gz and .zst files are read transparently.")

    @Option(name: [.short, .customLong("config")], help: "fluent.conf whose <source> parsers apply to matching files, and whose <anomaly> settings apply.")
    var config: String?

    @Option(help: "Force one parser for every file: \(ParserType.allCases.map(\.rawValue).joined(separator: ", ")).")
    var parse: ParserType?

    @Option(help: "Output: text, json or records (NDJSON, one event per line).")
    var format: Analyzer.Format = .text

    @Argument(help: "Files to analyze.")
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one FILE (or '-' for stdin)") }
    }

    func run() async throws {
        var agentConfig: AgentConfig?
        if let config {
            let loaded = try ConfigLoader.load(path: config)
            for w in loaded.warnings { writeStderr(w) }
            agentConfig = loaded.config
        }
        let analyzer = Analyzer(parse: parse, config: agentConfig)
        var result = try analyzer.run(paths: files, warn: { writeStderr($0) })
        if format != .records {
            var logger = Logger(label: "faultmaven.analyze")
            logger.logLevel = .warning
            try await AnalyzeSummaries.add(to: &result.report, config: agentConfig, logger: logger)
        }
        switch format {
        case .json:
            let data = try APIJSON.encoder.encode(result.report)
            writeStdout(String(decoding: data, as: UTF8.self) + "\n")
        case .text:
            writeStdout(AnalyzeTextRenderer.render(result.report))
        case .records:
            var chunk = ""
            for file in result.records {
                for r in file {
                    chunk += RecordJSON.line(r)
                    chunk += "\n"
                    if chunk.utf8.count > 1 << 20 {
                        writeStdout(chunk)
                        chunk = ""
                    }
                }
            }
            writeStdout(chunk)
        }
    }
}
