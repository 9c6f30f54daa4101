import FaultMavenCore
import Foundation
import Testing

@testable import LogParsing

/// Auto mode offers a line only to the formats whose `mayStart(with:)` accepts its first byte. That
/// prefilter must never hide a format that would have parsed the line: checked on every line of the
/// labelled incident logs, the 16 loghub samples and hand-written lines of each format.
@Suite struct AutoFormatsTests {
    typealias S = ParserTestSupport

    static let handWritten = [
        #"{"time":"2026-03-02T08:00:00Z","level":"error","msg":"boom"}"#,
        #"  {"msg":"indented json"}"#,
        "<34>Mar  2 08:00:00 host app[12]: msg",
        "<165>1 2026-03-02T08:00:00Z host app 123 ID47 - msg",
        "Mar  2 08:00:00 host sshd[99]: Accepted publickey",
        "Tue Mar  2 08:00:00 2026 host x: y",
        #"10.0.0.1 - - [02/Mar/2026:08:00:00 +0000] "GET / HTTP/1.1" 200 5 "-" "curl""#,
        #"::1 - bob [02/Mar/2026:08:00:00 +0000] "GET / HTTP/1.1" 404 5"#,
        #"web-1 - - [02/Mar/2026:08:00:00 +0000] "GET / HTTP/1.1" 502 5"#,
        "E0302 08:00:00.123456    1234 main.go:12] failed",
        "ts=2026-03-02T08:00:00Z level=warn msg=slow",
        "  level=info msg=indented",
        "_x=1 @y=2",
        "2026-03-02 08:00:00,444 INFO app.api: msg",
        "[2026-03-02 08:00:00] [error] msg",
        "[ERROR] msg",
        "Mar 02 2026 08:00:00 INFO x",
    ]

    static func corpus() throws -> [String] {
        var lines = handWritten
        let incidents = S.evalDirectory("incidents/public")
        for name in try FileManager.default.contentsOfDirectory(atPath: incidents.path)
        where name.hasSuffix(".log") || name.hasSuffix(".jsonl") {
            lines += try S.lines(of: incidents.appendingPathComponent(name))
        }
        let loghub = S.evalDirectory("loghub2k")
        for system in try FileManager.default.contentsOfDirectory(atPath: loghub.path) {
            let file = loghub.appendingPathComponent(system).appendingPathComponent("\(system)_2k.log")
            if FileManager.default.fileExists(atPath: file.path) { lines += try S.lines(of: file) }
        }
        return lines
    }

    @Test func prefilterNeverHidesAMatchingFormat() throws {
        let ctx = try ParseContext(config: ParserConfig(), referenceDate: S.reference)
        let auto = AutoFormats(FormatRegistry.autoFormats())
        let lines = try Self.corpus()
        #expect(lines.count > 150_000)
        var parsedByFormat = [Int](repeating: 0, count: auto.formats.count)
        var hidden: [String] = []
        for line in lines where !line.isEmpty {
            line.withBytes { b in
                for k in auto.formats.indices where auto.formats[k].parse(line, b, ctx) != nil {
                    parsedByFormat[k] += 1
                    if !auto.candidates(startingWith: b[0]).contains(k) {
                        hidden.append("\(auto.formats[k].format): \(line.prefix(80))")
                    }
                }
            }
        }
        #expect(hidden.isEmpty, "prefilter hides: \(hidden.prefix(5))")
        // Every format parsed something, so the check above exercised each of them.
        #expect(parsedByFormat.allSatisfy { $0 > 0 }, "lines parsed per format: \(parsedByFormat)")
    }

    @Test func candidatesKeepRegistryOrder() {
        let auto = AutoFormats(FormatRegistry.autoFormats())
        for byte in 0...255 {
            let c = auto.candidates(startingWith: UInt8(byte))
            #expect(c == c.sorted())
        }
        // A JSON line is offered to the JSON format only; a digit never to JSON, syslog or klog.
        let names = { (c: [Int]) in c.map { auto.formats[$0].format } }
        #expect(names(auto.candidates(startingWith: UInt8(ascii: "{"))) == [.json])
        let digit = names(auto.candidates(startingWith: UInt8(ascii: "1")))
        #expect(!digit.contains(.json) && !digit.contains(.syslog) && !digit.contains(.klog))
        #expect(digit.contains(.timestampLevel) && digit.contains(.nginx) && digit.contains(.logfmt))
    }
}
