import FaultMavenCore
import Foundation
import Testing

@testable import LogParsing

@Suite struct RegexpParserTests {
    typealias S = ParserTestSupport

    /// Example from the Fluentd `regexp` parser documentation (docs.fluentd.org/parser/regexp).
    @Test func fluentdDocumentationExample() throws {
        let config = ParserConfig(
            type: .regexp, expression: #"/^\[(?<logtime>[^\]]*)\] (?<name>[^ ]*) (?<title>[^ ]*) (?<id>\d*)$/"#,
            timeKey: "logtime", timeFormat: "%Y-%m-%d %H:%M:%S %z")
        let e = try S.one("[2013-02-28 12:00:00 +0900] alice engineer 1", config)
        #expect(e.time == S.utc(2013, 2, 28, 3))
        #expect(e.fields == ["name": "alice", "title": "engineer", "id": "1"])
        #expect(e.message == "[2013-02-28 12:00:00 +0900] alice engineer 1")  // no message group: whole line
        #expect(!e.parseFailed)
    }

    @Test func keepTimeKeyAndLevelMessageGroups() throws {
        var config = ParserConfig(
            type: .regexp, expression: #"^(?<time>\S+) (?<level>\w+) (?<message>.*)$"#, keepTimeKey: true)
        let e = try S.one("2026-03-02T08:00:00Z warn disk almost full", config)
        #expect(e.level == .warn)
        #expect(e.message == "disk almost full")
        #expect(e.fields == ["time": "2026-03-02T08:00:00Z"])
        #expect(e.time == S.utc(2026, 3, 2, 8))
        config.keepTimeKey = false
        #expect(try S.one("2026-03-02T08:00:00Z warn x", config).fields.isEmpty)
    }

    @Test func rubySyntaxIsTranslated() throws {
        // \h is a hex digit in Ruby (ICU would read it as horizontal space); \A \z anchors;
        // names with underscores; a plain group is not captured when named groups exist.
        let config = ParserConfig(
            type: .regexp, expression: #"\A(?<trace_id>\h{8})-(?<span_id>[\h]+) (a|b) (?<rest_of_line>.*)\z"#)
        let e = try S.one("deadBEEF-0a1b ok done", ParserConfig(type: .regexp, expression: config.expression))
        #expect(e.parseFailed)  // "ok" is neither "a" nor "b"
        let good = try S.one("deadBEEF-0a1b a done", config)
        #expect(good.fields == ["trace_id": "deadBEEF", "span_id": "0a1b", "rest_of_line": "done"])
        let notHex = try S.one("deadBEEG-0a1b a done", config)
        #expect(notHex.parseFailed)
    }

    @Test func backReferenceByNameAndNegatedHex() throws {
        let config = ParserConfig(type: .regexp, expression: #"^(?<q>['"])(?<word>\H+)\k<q>$"#)
        #expect(try S.one("'xyz'", config).fields == ["q": "'", "word": "xyz"])
        #expect(try S.one("'xyz\"", config).parseFailed)
        #expect(try S.one("'abc'", config).parseFailed)  // a, b, c are hex digits
    }

    @Test func ignoreCaseAndDelimiterFlags() throws {
        let flagged = ParserConfig(type: .regexp, expression: #"/^(?<level>error|warn): (?<message>.*)$/i"#)
        let e = try S.one("ERROR: boom", flagged)
        #expect(e.level == .error)
        #expect(e.message == "boom")
        let option = ParserConfig(type: .regexp, expression: #"^(?<level>error): (?<message>.*)$"#, ignoreCase: true)
        #expect(try S.one("Error: x", option).level == .error)
        #expect(try S.one("Error: x", ParserConfig(type: .regexp, expression: option.expression)).parseFailed)
    }

    @Test func unmatchedLinesAreCountedFailuresWithTheRawText() throws {
        let config = ParserConfig(type: .regexp, expression: #"^(?<a>\d+) (?<message>.*)$"#)
        let (events, stats) = try S.parse(["12 ok", "not a number", "ERROR: also unmatched"], config)
        #expect(events.map(\.parseFailed) == [false, true, true])
        #expect(events[1].message == "not a number")
        #expect(events[2].level == .error)  // keyword scan still applies
        #expect(stats.parseFailures == 2)
        #expect(stats.events == 3)
        #expect(stats.detectedFormat == .regexp)
    }

    @Test func unreadableTimeIsCountedAndKept() throws {
        let config = ParserConfig(
            type: .regexp, expression: #"^(?<time>\S+) (?<message>.*)$"#, timeFormat: "%Y-%m-%d")
        let (events, stats) = try S.parse(["2026-03-02 fine", "yesterday broken"], config)
        #expect(events[0].time == S.utc(2026, 3, 2))
        #expect(events[1].time == nil)
        #expect(events[1].fields["time"] == "yesterday")
        #expect(!events[1].parseFailed)
        #expect(stats.timeFailures == 1)
    }
}
