import FaultMavenCore
import Foundation
import Testing

@testable import LogParsing

/// Bad configuration gives clear errors; bad lines give counted failures — never a crash or a hang.
@Suite struct BadInputTests {
    typealias S = ParserTestSupport

    func configError(_ config: ParserConfig) -> FaultMavenError? {
        do {
            _ = try EventParser(config: config, referenceDate: S.reference)
            return nil
        } catch let e as FaultMavenError {
            return e
        } catch {
            return nil
        }
    }

    @Test func invalidRegexpNamesTheSetting() throws {
        let e = try #require(configError(ParserConfig(type: .regexp, expression: "^(?<a>[0-9+$")))
        #expect(e.kind == .badInput)
        #expect(e.message.hasPrefix("invalid regexp in expression"))
        let bad = try #require(configError(ParserConfig(type: .regexp, expression: "(?<a>x))")))
        #expect(bad.message.contains("expression"))
    }

    @Test func regexpWithoutNamedGroups() throws {
        let e = try #require(configError(ParserConfig(type: .regexp, expression: #"^(\d+) (.*)$"#)))
        #expect(e.message.contains("no named capture group"))
        #expect(configError(ParserConfig(type: .regexp)) != nil)
        #expect(configError(ParserConfig(type: .regexp, expression: "")) != nil)
    }

    @Test func otherConfigErrors() throws {
        #expect(try #require(configError(ParserConfig(type: .json, timeFormat: "%Y-%Q-%v"))).message.contains("%v"))
        #expect(try #require(configError(ParserConfig(timezone: "Mars/Olympus"))).message.contains("Mars/Olympus"))
        #expect(configError(ParserConfig(maxLines: 0)) != nil)
        #expect(configError(ParserConfig(type: .regexp, expression: #"(?<a>x)\k<nope>"#)) != nil)
    }

    @Test func timeStringsThatDoNotMatchAreCounted() throws {
        let config = ParserConfig(type: .json, timeFormat: "%d/%m/%Y")
        let (events, stats) = try S.parse([#"{"time":"2026-03-02","msg":"a"}"#, #"{"time":"02/03/2026","msg":"b"}"#], config)
        #expect(events.map { $0.time == nil } == [true, false])
        #expect(events[0].fields["time"] == "2026-03-02")
        #expect(stats.timeFailures == 1)
    }

    @Test func oneMegabyteLineIsCutAndCounted() throws {
        let big = "2026-03-02T08:00:00Z ERROR " + String(repeating: "é", count: 512 * 1024)  // 1 MiB + header
        for type in ParserType.allCases where type != .regexp && type != .multiline {
            let (events, stats) = try S.parse([big, "after"], ParserConfig(type: type))
            #expect(stats.truncatedLines == 1, "\(type)")
            #expect(events.allSatisfy { $0.message.utf8.count <= Limits.maxLineBytes }, "\(type)")
            #expect(events.first?.message.contains("\u{FFFD}") == false, "\(type): cut on a character boundary")
        }
        let regexp = ParserConfig(type: .regexp, expression: #"^(?<t>\S+) (?<message>.*)$"#)
        let (events, _) = try S.parse([big], regexp)
        #expect(events.count == 1)
        #expect(!events[0].parseFailed)
        #expect(!events[0].message.contains("\u{FFFD}"), "cut on a character boundary")
    }

    @Test func binaryGarbageIsAPlainMessage() throws {
        var rng = SystemRandomNumberGenerator()
        let lines = (0..<200).map { _ in
            String(decoding: (0..<Int.random(in: 0..<300, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }, as: UTF8.self)
        }
        for type in ParserType.allCases {
            var config = ParserConfig(type: type)
            config.expression = "^(?<x>a)"
            config.formats = ["^(?<x>a)"]
            config.formatFirstline = "^a"
            let (events, stats) = try S.parse(lines, config)
            #expect(stats.lines == 200)
            #expect(events.reduce(0) { $0 + $1.lineCount } + stats.skippedLines == 200, "\(type)")
        }
        let nul = try S.one("\u{0}\u{1}\u{7F}{\"a\":", ParserConfig(type: .json))
        #expect(nul.parseFailed)
    }

    @Test func crlfAndLoneCarriageReturns() throws {
        let (events, _) = try S.parse(["{\"msg\":\"a\"}\r", "\r", "{\"msg\":\"b\"}\r\r"], ParserConfig(type: .json))
        #expect(events.map(\.message) == ["a", "", "b"])
        #expect(events[1].parseFailed)
    }
}

extension BadInputTests {
    /// Every prefix of a line of each format, under every parser type: no crash, every line accounted for.
    @Test func truncatedLinesNeverCrash() throws {
        let samples = [
            #"{"ts":"2026-03-02T08:00:02.636Z","level":"info","msg":"a \"b\" \u00e9","n":{"x":[1,2]}}"#,
            #"time=2026-03-02T08:00:00Z level=info msg="GET /x" latency_ms=32"#,
            "<34>Mar  2 08:00:00 web-1 app[4242]: warn: slow",
            #"<165>1 2003-10-11T22:14:15.003Z host app 1 ID47 [id@1 a="\]"] msg"#,
            #"1.2.3.4 - - [02/Mar/2026:08:00:00 +0000] "GET / HTTP/1.1" 200 5 "-" "curl" "9.9.9.9""#,
            "E0302 08:00:00.123456    1234 file.go:12] msg",
            "2026-03-02 08:00:00.237 INFO  [http-nio-3] c.e.App - GET /api",
            "[Sun Dec 04 04:47:44 2005] [error] [client 1.2.3.4] x",
            "03-17 16:13:38.811  1702  2395 D WindowManager: x",
            "Mon, 02 Mar 2026 08:00:00 GMT [WARN] x",
        ]
        let prefixes = samples.flatMap { s in (0...s.utf8.count).map { String(decoding: Array(s.utf8.prefix($0)), as: UTF8.self) } }
        for type in ParserType.allCases {
            var config = ParserConfig(type: type)
            config.expression = #"^(?<time>\S+) (?<message>.*)$"#
            config.formats = [#"^(?<time>\S+) (?<message>.*)$"#]
            config.formatFirstline = #"^\d"#
            let (events, stats) = try S.parse(prefixes, config)
            #expect(stats.lines == prefixes.count, "\(type)")
            #expect(events.reduce(0) { $0 + $1.lineCount } + stats.skippedLines == prefixes.count, "\(type)")
        }
    }
}
