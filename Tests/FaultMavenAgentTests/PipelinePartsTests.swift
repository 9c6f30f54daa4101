import FaultMavenCore
import Foundation
import Testing
import LogParsing
@testable import FaultMavenAgent

@Suite struct TagPatternTests {
    @Test func fluentdMatchSemantics() {
        #expect(TagPattern("a.*").matches("a.b"))
        #expect(!TagPattern("a.*").matches("a"))
        #expect(!TagPattern("a.*").matches("a.b.c"))
        #expect(TagPattern("a.**").matches("a"))
        #expect(TagPattern("a.**").matches("a.b.c"))
        #expect(TagPattern("**").matches("anything.at.all"))
        #expect(TagPattern("a.{b,c}").matches("a.c"))
        #expect(!TagPattern("a.{b,c}").matches("a.d"))
        #expect(TagPattern("x.y a.*").matches("a.q"), "space-separated alternatives")
    }
}

@Suite struct SourceNameTests {
    @Test(arguments: [
        ("/var/log/app.log.1", "/var/log/app.log"),
        ("/var/log/app.log.2.gz", "/var/log/app.log"),
        ("/var/log/app.log-20260302", "/var/log/app.log"),
        ("/var/log/syslog.1", "/var/log/syslog"),
        ("/var/log/app.log", "/var/log/app.log"),
        ("/data/v1.2", "/data/v1.2"),
        ("/var/log/node-12345.json", "/var/log/node-12345.json"),
    ])
    func rotatedGenerationsFoldIntoOneName(_ path: String, _ expected: String) {
        #expect(SourceName.canonical(path) == expected)
    }
}

@Suite struct RecordJSONTests {
    @Test func escapesAndShape() throws {
        var r = LogRecord(source: "/a \"b\".log", line: 7, time: Date(timeIntervalSince1970: 1_772_438_400.5), level: .error, message: "x\n\ty\u{1}")
        r.templateID = 3
        r.template = "x <*>"
        r.params = ["\\"]
        let line = RecordJSON.line(r)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(obj["source"] as? String == "/a \"b\".log")
        #expect(obj["message"] as? String == "x\n\ty\u{1}")
        #expect(obj["time"] as? String == "2026-03-02T08:00:00.500Z")
        #expect(obj["template_id"] as? Int == 3)
        #expect(obj["params"] as? [String] == ["\\"])
        #expect(!line.contains("\n"))
    }

    @Test func parametersAreNamedAndTyped() throws {
        var r = LogRecord(source: "a.log", message: "m")
        r.templateID = 1
        r.template = "GET <*> took <*> latency_ms=<*> size=<*> cpu=<*>"
        r.params = ["/api", "1.5s", "34", "12kb", "83%"]
        r.paramNames = [nil, nil, "latency_ms", "size", "cpu"]
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(RecordJSON.line(r).utf8)) as? [String: Any])
        let p = try #require(obj["parameters"] as? [[String: Any]])
        #expect(p.map { $0["name"] as? String } == [nil, nil, "latency_ms", "size", "cpu"])
        #expect(p.map { $0["value"] as? String } == r.params)
        #expect(p.map { $0["type"] as? String } == ["text", "duration", "number", "size", "percent"])
        #expect(p[0]["number"] is NSNull && p[0]["unit"] is NSNull)
        #expect(p[1]["number"] as? Double == 1500 && p[1]["unit"] as? String == "ms")
        #expect(p[2]["number"] as? Int == 34 && p[2]["unit"] is NSNull)
        #expect(p[3]["number"] as? Int == 12 && p[3]["unit"] as? String == "kb")
        #expect(p[4]["number"] as? Int == 83 && p[4]["unit"] as? String == "%")
    }
}

@Suite struct LogDigesterTests {
    @Test func summarizesSubmittedLines() {
        let lines = [
            "2026-03-02 08:00:00,000 INFO app: started",
            "2026-03-02 08:00:01,000 ERROR app.db: connection refused to db-1:5432",
            "2026-03-02 08:00:02,000 ERROR app.db: connection refused to db-2:5432",
            "2026-03-02 08:00:03,000 WARNING app: slow request 900ms",
        ]
        let d = LogDigester(analysis: .init()).digest(lines: lines, label: "t")
        #expect(d.lines == 4 && d.events == 4)
        #expect(d.errorCount == 2 && d.warningCount == 1)
        #expect(d.errorSamples.first == "connection refused to db-1:5432", "one sample per error template, errors first")
        #expect(d.errorSamples.count == 2)
        #expect(d.summary.hasPrefix("Log analysis complete. Detected 2 errors and 1 warning in 4 events."))
    }
}

@Suite struct DemoWriterTests {
    @Test func incidentChangesTheTraffic() {
        var w = DemoWriter(directory: "/unused")
        w.incidentAfter = 10
        w.incidentLength = 10
        var rng = SplitMix64(seed: 1)
        var before = 0, during = 0
        for i in 0..<2000 {
            let t = i < 1000 ? 1.0 : 15.0
            let errs = w.lines(at: Date(), t: t, rng: &rng).filter { $0.line.contains("pool exhausted") }.count
            if i < 1000 { before += errs } else { during += errs }
        }
        #expect(before == 0)
        #expect(during > 200)
    }
}

@Suite struct AnalyzerTests {
    @Test func sourceIsThePathAsGivenEvenForRotatedNames() throws {
        let path = NSTemporaryDirectory() + "fm-an-\(UUID().uuidString).log.1"
        try "2026-03-02 08:00:00,000 INFO app: one\n2026-03-02 08:00:01,000 INFO app: two\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try Analyzer().run(paths: [path], warn: { _ in })
        #expect(result.records.first?.map(\.source) == [path, path])
        #expect(result.report.files.first?.format == "timestamp_level")
        #expect(result.report.files.first?.levels == ["INFO": 2])
    }

    @Test func forcedParserAppliesToEveryFile() throws {
        let path = NSTemporaryDirectory() + "fm-an-\(UUID().uuidString).log"
        try #"{"level":"error","msg":"boom"}"#.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let none = try Analyzer(parse: ParserType.none).run(paths: [path], warn: { _ in })
        #expect(none.records.first?.first?.message == #"{"level":"error","msg":"boom"}"#)
        let auto = try Analyzer().run(paths: [path], warn: { _ in })
        #expect(auto.records.first?.first?.message == "boom")
        #expect(auto.records.first?.first?.level == .error)
    }
}
