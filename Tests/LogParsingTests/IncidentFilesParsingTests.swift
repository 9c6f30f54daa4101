import FaultMavenCore
import Foundation
import Testing

@testable import LogParsing

/// Every file of `shared/eval/incidents/public` is auto-detected and parsed with correct levels and times.
@Suite struct IncidentFilesParsingTests {
    typealias S = ParserTestSupport

    struct Expectation: Sendable, CustomTestStringConvertible {
        let file: String
        let format: LogFormat
        /// Level per line, computed independently from the text with a simple rule for that file.
        let levelOf: @Sendable (String) -> Level
        /// Lines that must come out with exactly this time, message and level.
        let samples: [(line: Int, time: Date, level: Level, message: String)]
        var testDescription: String { file }
    }

    static func word(_ s: Substring) -> Level { Level(word: s) ?? .unknown }

    static let expectations: [Expectation] = [
        Expectation(
            file: "checkout.log", format: .timestampLevel,
            levelOf: { word($0.split(separator: " ")[2]) },
            samples: [(1, S.utc(2026, 3, 2, 8, 0, 0, nanos: 444_000_000), .info, "POST /api/cart/48550/items 201 in 53ms")]),
        Expectation(
            file: "gateway.log", format: .timestampLevel,
            levelOf: { word($0.split(separator: " ")[2]) },
            samples: [(1, S.utc(2026, 3, 2, 8, 0, 0, nanos: 237_000_000), .info, "GET /api/orders/398996 200 in 38ms")]),
        Expectation(
            file: "inventory.log", format: .logfmt,
            levelOf: { word($0.split(separator: " ")[1].dropFirst("level=".count)) },
            samples: [(1, S.utc(2026, 3, 2, 8), .info, "GET /api/orders/203822 200 in 32ms")]),
        Expectation(
            file: "payments.jsonl", format: .json,
            levelOf: { line in
                let r = line.range(of: #""level":""#)!
                return word(line[r.upperBound...].prefix(while: { $0 != "\"" }))
            },
            samples: [(1, S.utc(2026, 3, 2, 8, 0, 2, nanos: 636_000_000), .info, "POST /api/cart/19252/items 201 in 48ms")]),
        Expectation(
            file: "worker.log", format: .syslog,
            levelOf: { line in
                let msg = line.components(separatedBy: "]: ")[1]
                return msg.hasPrefix("error:") ? .error : msg.hasPrefix("warn:") ? .warn : .unknown
            },
            samples: [
                (1, S.utc(2026, 3, 2, 8), .unknown, "GET /api/orders/684762 200 in 25ms"),
                (3, S.utc(2026, 3, 2, 8), .warn, "warn: slow query on table orders took 1900ms"),
            ]),
    ]

    @Test(arguments: expectations)
    func parsesFile(_ x: Expectation) throws {
        let url = S.evalDirectory("incidents/public").appendingPathComponent(x.file)
        guard FileManager.default.fileExists(atPath: url.path) else {
            Issue.record("eval data missing: \(url.path)")
            return
        }
        let lines = try S.lines(of: url)
        let (events, stats) = try S.parse(lines)
        #expect(stats.detectedFormat == x.format)
        #expect(stats.redetections == 0)
        #expect(stats.parseFailures == 0)
        #expect(stats.unmatchedLines == 0)
        #expect(stats.timeFailures == 0)
        #expect(events.count == lines.count)  // none of these files has continuation lines
        var wrongLevels = 0
        var previous = Date.distantPast
        var backwards = 0
        for (e, line) in zip(events, lines) {
            if e.level != x.levelOf(line) { wrongLevels += 1 }
            guard let t = e.time else {
                Issue.record("\(x.file):\(e.firstLine) has no time")
                continue
            }
            if t < previous.addingTimeInterval(-1) { backwards += 1 }
            previous = t
        }
        #expect(wrongLevels == 0)
        #expect(backwards == 0)
        let first = try #require(events.first?.time)
        #expect(first >= S.utc(2026, 3, 2, 8) && first < S.utc(2026, 3, 2, 8, 1))
        for s in x.samples {
            let e = events[s.line - 1]
            #expect(e.firstLine == s.line)
            #expect(S.same(e.time, s.time))
            #expect(e.level == s.level)
            #expect(e.message == s.message)
        }
        #expect(events.contains { $0.level == .error }, "each file holds some errors")
    }
}
