import FaultMavenAgent
import FaultMavenCore
import Foundation
import LogParsing

/// The pipeline cases: parsing, template mining and the whole `analyze` path over the
/// labelled incident logs of the eval set, printed as one table.
struct PipelineBench {
    struct Row {
        var name: String
        var items: Int
        var bytes: Int
        var seconds: Double
    }

    /// The eval folder (holding `incidents/public`).
    var evalDirectory: URL

    /// The eval folder beside the repository (`../shared/eval`).
    static var defaultEvalDirectory: URL {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent("../shared/eval").standardized
    }

    func measure(_ name: String, items: Int, bytes: Int, _ body: () throws -> Void) rethrows -> Row {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        let s = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Row(name: name, items: items, bytes: bytes, seconds: s)
    }

    /// Runs the three cases and prints the table. Throws when the eval data is missing.
    func run() throws {
        var rows: [Row] = []
        let incidents = evalDirectory.appendingPathComponent("incidents/public")
        let incidentFiles = ((try? FileManager.default.contentsOfDirectory(atPath: incidents.path)) ?? [])
            .filter { $0.hasSuffix(".log") || $0.hasSuffix(".jsonl") }.sorted().map { incidents.appendingPathComponent($0).path }

        if incidentFiles.isEmpty {
            throw FaultMavenError.badInput("no eval data at \(incidents.path); pass the eval folder as an argument")
        }

        // 1. Parsing in auto mode, per line.
        var lines: [String] = []
        var totalBytes = 0
        for f in incidentFiles {
            let text = try String(contentsOfFile: f, encoding: .utf8)
            totalBytes += text.utf8.count
            lines += text.split(separator: "\n").map(String.init)
        }
        rows.append(try measure("parse (auto, 5 formats)", items: lines.count, bytes: totalBytes) {
            var parser = try EventParser(config: ParserConfig(type: .auto), referenceDate: Date())
            var events: [ParsedEvent] = []
            for (i, l) in lines.enumerated() {
                parser.feed(l, number: i + 1, into: &events)
                if events.count > 4096 { events.removeAll(keepingCapacity: true) }
            }
        })

        // 2. Template mining.
        let messages = lines.map { l -> String in
            // Strip the usual header so the miner sees messages, as it does in the pipeline.
            if let r = l.range(of: ": ") { return String(l[r.upperBound...]) }
            return l
        }
        rows.append(measure("template miner", items: messages.count, bytes: messages.reduce(0) { $0 + $1.utf8.count }) {
            var miner = TemplateMiner()
            for m in messages { _ = miner.add(m) }
        })

        // 3. The whole analyze pipeline (read, parse, templates, detectors, report).
        rows.append(try measure("analyze (end to end)", items: lines.count, bytes: totalBytes) {
            _ = try Analyzer().run(paths: incidentFiles, warn: { _ in })
        })

        func fmt(_ v: Double) -> String { v >= 100 ? String(Int(v.rounded())) : String(format: "%.1f", v) }
        print("| case | items | seconds | items/s | MB/s |")
        print("|---|---:|---:|---:|---:|")
        for r in rows {
            print("| \(r.name) | \(r.items) | \(String(format: "%.3f", r.seconds)) | \(fmt(Double(r.items) / r.seconds)) | \(fmt(Double(r.bytes) / r.seconds / 1e6)) |")
        }
    }
}
