import FaultMavenCore
import Foundation

/// Runs Google's mtail (Debian's `mtail` package) in `--one_shot` mode over the ingest file:
/// the peer the ingest case is compared with. mtail reads the file once from its head, runs
/// its programs over every line, prints its metrics as JSON and exits.
struct MtailPeer {
    /// One mtail program.
    struct Program {
        /// Table label.
        let label: String
        /// File name inside its own program directory.
        let name: String
        let source: String
    }

    /// Counts every line: the same work as the tail source alone.
    static let countLines = Program(
        label: "mtail --one_shot (count lines)", name: "count.mtail",
        source: """
            counter lines_total
            /$/ {
              lines_total++
            }

            """)

    /// Counts every line and lines per level keyword, through a regex with a capture on every
    /// line: closer to what parsing does.
    static let levelRegex = Program(
        label: "mtail --one_shot (count + level regex)", name: "levels.mtail",
        source: """
            counter lines_total
            counter lines_by_level by level
            /$/ {
              lines_total++
            }
            /\\b(?P<level>DEBUG|INFO|WARN|WARNING|ERROR|debug|info|warn|error)\\b/ {
              lines_by_level[$level]++
            }

            """)

    let executable: String
    let workDirectory: String

    /// Runs `program` over `file`; the row's line count is mtail's own `lines_total`, so a
    /// run that skipped lines shows in the table.
    func measure(_ program: Program, file: IngestFile) throws -> IngestRow {
        let dir = "\(workDirectory)/mtail-\(program.name.replacingOccurrences(of: ".mtail", with: ""))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try program.source.write(toFile: "\(dir)/\(program.name)", atomically: true, encoding: .utf8)
        let output = "\(workDirectory)/mtail-out.json"
        let log = "\(workDirectory)/mtail-stderr.log"
        let outcome = try ChildProcess.run(
            [
                executable, "--one_shot", "--one_shot_format", "json", "--progs", dir, "--logs", file.path,
                "--logtostderr", "--address", "127.0.0.1", "--port", "0",
            ], stdout: output, stderr: log)
        guard outcome.status == 0 else {
            throw FaultMavenError.runtime("mtail exited with status \(outcome.status); see \(log)")
        }
        let lines = try MtailPeer.linesTotal(jsonPath: output)
        return IngestRow(
            name: program.label, lines: lines, bytes: file.bytes, seconds: outcome.seconds, cpuSeconds: outcome.cpuSeconds)
    }

    /// `lines_total` from mtail's JSON metrics dump.
    static func linesTotal(jsonPath: String) throws -> Int {
        let data = try Data(contentsOf: URL(fileURLWithPath: jsonPath))
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let metric = (root["lines_total"] as? [[String: Any]])?.first,
            let labelValues = (metric["LabelValues"] as? [[String: Any]])?.first,
            let value = labelValues["Value"] as? [String: Any],
            let number = value["Value"] as? NSNumber
        else {
            throw FaultMavenError.runtime("\(jsonPath): no lines_total in mtail's output")
        }
        return number.intValue
    }
}
