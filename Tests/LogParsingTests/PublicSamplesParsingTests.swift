import FaultMavenCore
import Foundation
import Testing

@testable import LogParsing

/// The loghub 2k samples (most with CRLF lines) parse in auto mode without failures, with messages taken
/// from the line and, where the header format is known, equal to the dataset's `Content` column.
@Suite struct PublicSamplesParsingTests {
    typealias S = ParserTestSupport

    /// Dataset, expected format, and the least share of messages that must equal `Content`.
    static let datasets: [(String, LogFormat, Double)] = [
        ("Android", .timestampLevel, 0.95), ("Apache", .timestampLevel, 0.99), ("BGL", .header, 0.99),
        ("HDFS", .timestampLevel, 0.99), ("HPC", .header, 0.99), ("Hadoop", .timestampLevel, 0.95),
        ("HealthApp", .timestampLevel, 0.99), ("Linux", .syslog, 0.95), ("Mac", .syslog, 0.8),
        ("OpenSSH", .syslog, 0.99), ("OpenStack", .header, 0.99), ("Proxifier", .timestampLevel, 0.99),
        ("Spark", .timestampLevel, 0.99), ("Thunderbird", .header, 0.99), ("Windows", .timestampLevel, 0.99),
        ("Zookeeper", .timestampLevel, 0.95),
    ]

    @Test(arguments: datasets)
    func parsesSample(_ name: String, _ format: LogFormat, _ minContentMatch: Double) throws {
        let dir = S.evalDirectory("loghub2k").appendingPathComponent(name)
        let log = dir.appendingPathComponent("\(name)_2k.log")
        guard FileManager.default.fileExists(atPath: log.path) else {
            Issue.record("eval data missing: \(log.path)")
            return
        }
        let lines = try S.lines(of: log)
        #expect(lines.count == 2000)
        let (events, stats) = try S.parse(lines)
        #expect(stats.parseFailures == 0)
        #expect(stats.detectedFormat == format)
        #expect(events.allSatisfy { !$0.parseFailed })
        #expect(events.allSatisfy { !$0.message.contains("\r") })
        // Messages come from the line itself and are not empty.
        for e in events where e.lineCount == 1 {
            let line = lines[e.firstLine - 1]
            if !line.contains(e.message) || e.message.isEmpty {
                Issue.record("\(name):\(e.firstLine): message \(e.message.debugDescription) is not from the line")
                break
            }
        }
        guard minContentMatch > 0 else { return }
        let contents = try Self.contentColumn(dir.appendingPathComponent("\(name)_2k.log_structured_corrected.csv"))
        let byLine = Dictionary(events.map { ($0.firstLine, $0) }, uniquingKeysWith: { a, _ in a })
        var same = 0
        for (i, content) in contents.enumerated() {
            if let e = byLine[i + 1], Self.normalized(e.message) == Self.normalized(content) { same += 1 }
        }
        let share = Double(same) / Double(max(contents.count, 1))
        #expect(share >= minContentMatch, "\(name): \(same)/\(contents.count) messages equal Content")
        #expect(events.filter { $0.time != nil }.count >= 1990, "\(name): times read")
    }

    static func normalized(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// The `Content` column of a loghub structured CSV (RFC 4180 quoting).
    static func contentColumn(_ url: URL) throws -> [String] {
        let rows = csvRows(try String(contentsOf: url, encoding: .utf8))
        guard let header = rows.first, let col = header.firstIndex(of: "Content") else { return [] }
        return rows.dropFirst().filter { $0.count > col }.map { $0[col] }
    }

    static func csvRows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var it = Array(text.unicodeScalars)[...]
        while let c = it.popFirst() {
            if quoted {
                if c == "\"" {
                    if it.first == "\"" { field.unicodeScalars.append("\""); it.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field)
                field = ""
            } else if c == "\n" || c == "\r" {
                if c == "\r", it.first == "\n" { it.removeFirst() }
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
