import FaultMavenCore
import Foundation
import Testing

@testable import LogParsing

@Suite struct MultilineParserTests {
    typealias S = ParserTestSupport

    /// "Rails log" example from the Fluentd `multiline` parser documentation
    /// (docs.fluentd.org/parser/multiline).
    @Test func fluentdRailsExample() throws {
        let config = ParserConfig(
            type: .multiline, formatFirstline: "/^Started/",
            formats: [
                #"/Started (?<method>[^ ]+) "(?<path>[^"]+)" for (?<host>[^ ]+) at (?<time>[^ ]+ [^ ]+ [^ ]+)\n/"#,
                #"/Processing by (?<controller>[^\u0023]+)\u0023(?<controller_method>[^ ]+) as (?<format>[^ ]+?)\n/"#,
                #"/(  Parameters: (?<parameters>[^ ]+)\n)?/"#,
                #"/  Rendered (?<template>[^ ]+) within (?<layout>.+) \([\d\.]+ms\)\n/"#,
                #"/Completed (?<code>[^ ]+) [^ ]+ in (?<runtime>[\d\.]+)ms \(Views: (?<view_runtime>[\d\.]+)ms \| ActiveRecord: (?<ar_runtime>[\d\.]+)ms\)/"#,
            ])
        let lines = [
            #"Started GET "/users/123/" for 127.0.0.1 at 2013-06-14 12:00:11 +0900"#,
            "Processing by UsersController#show as HTML",
            #"  Parameters: {"user_id"=>"123"}"#,
            "  Rendered users/show.html.erb within layouts/application (0.3ms)",
            "Completed 200 OK in 4ms (Views: 3.2ms | ActiveRecord: 0.0ms)",
        ]
        var parser = try EventParser(config: config, referenceDate: S.reference)
        var events: [ParsedEvent] = []
        for (i, l) in lines.enumerated() { events += parser.feed(l, number: i + 1) }
        #expect(events.isEmpty)  // buffered until the next first line or a flush
        #expect(parser.hasPending)
        events += parser.flush()
        try #require(events.count == 1)
        let e = events[0]
        #expect(e.time == S.utc(2013, 6, 14, 3, 0, 11))
        #expect(e.fields == [
            "method": "GET", "path": "/users/123/", "host": "127.0.0.1", "controller": "UsersController",
            "controller_method": "show", "format": "HTML", "parameters": #"{"user_id"=>"123"}"#,
            "template": "users/show.html.erb", "layout": "layouts/application", "code": "200", "runtime": "4",
            "view_runtime": "3.2", "ar_runtime": "0.0",
        ])
        #expect(e.firstLine == 1)
        #expect(e.lineCount == 5)
        #expect(!e.parseFailed)
    }

    /// "Java stacktrace" example from the same page.
    @Test func fluentdJavaStackTraceExample() throws {
        let config = ParserConfig(
            type: .multiline, formatFirstline: #"/\d{4}-\d{1,2}-\d{1,2}/"#,
            formats: [
                #"/^(?<time>\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{1,2}:\d{1,2}) \[(?<thread>.*)\] (?<level>[^\s]+)(?<message>.*)/"#
            ], timezone: "+09:00")
        let lines = [
            "2013-3-03 14:27:33 [main] INFO  Main - Start",
            "2013-3-03 14:27:33 [main] ERROR Main - Exception",
            "javax.management.RuntimeErrorException: null",
            "    at Main.main(Main.java:16) ~[bin/:na]",
            "2013-3-03 14:27:33 [main] INFO  Main - End",
        ]
        let (events, stats) = try S.parse(lines, config)
        try #require(events.count == 3)
        #expect(events.map(\.level) == [.info, .error, .info])
        #expect(events.map(\.fields) == Array(repeating: ["thread": "main"], count: 3))
        #expect(events[0].message == "  Main - Start")
        #expect(events[1].message == " Main - Exception\njavax.management.RuntimeErrorException: null\n    at Main.main(Main.java:16) ~[bin/:na]")
        #expect(events[1].lineCount == 3)
        #expect(events[2].firstLine == 5)
        #expect(events.allSatisfy { $0.time == S.utc(2013, 3, 3, 5, 27, 33) })
        #expect(stats.parseFailures == 0)
    }

    @Test func linesBeforeTheFirstEventAreCountedFailures() throws {
        let config = ParserConfig(type: .multiline, formatFirstline: "^BEGIN", formats: [#"^BEGIN (?<message>.*)"#])
        let (events, stats) = try S.parse(["orphan", "BEGIN one", "more"], config)
        #expect(events.map(\.parseFailed) == [true, false])
        #expect(events[0].message == "orphan")
        #expect(events[1].message == "one\nmore")
        #expect(stats.parseFailures == 1)
    }

    @Test func eventsThatDoNotMatchTheBodyFail() throws {
        let config = ParserConfig(type: .multiline, formatFirstline: "^#", formats: [#"^#(?<n>\d+)$"#])
        let (events, stats) = try S.parse(["#12", "#x", "  tail"], config)
        #expect(events.map(\.parseFailed) == [false, true])
        #expect(events[0].fields == ["n": "12"])
        #expect(events[1].message == "#x\n  tail")
        #expect(stats.parseFailures == 1)
    }

    @Test func withoutFirstlineLinesAccumulateUntilTheBodyMatches() throws {
        let config = ParserConfig(type: .multiline, formats: [#"^a=(?<a>\d+)\n"#, #"b=(?<b>\d+)$"#])
        let (events, _) = try S.parse(["a=1", "b=2", "a=3", "b=4"], config)
        #expect(events.map(\.fields) == [["a": "1", "b": "2"], ["a": "3", "b": "4"]])
        #expect(events.map(\.firstLine) == [1, 3])
    }

    @Test func maxLinesCutsAndCounts() throws {
        let config = ParserConfig(
            type: .multiline, formatFirstline: "^E", formats: [#"^E(?<message>.*)"#], maxLines: 3)
        let lines = ["E start"] + (1...10).map { "  line \($0)" } + ["E next"]
        let (events, stats) = try S.parse(lines, config)
        #expect(events.count == 2)
        #expect(events[0].message == " start\n  line 1\n  line 2")
        #expect(events[0].lineCount == 11)
        #expect(stats.truncatedEvents == 1)
        #expect(stats.droppedLines == 8)
    }

    @Test func maxEventBytesCutsAndCounts() throws {
        let config = ParserConfig(
            type: .multiline, formatFirstline: "^E", formats: [#"^E(?<message>.*)"#], maxEventBytes: 20)
        let (events, stats) = try S.parse(["E 123456789", "  abcdefgh", "  more"], config)
        #expect(events[0].message == " 123456789")
        #expect(stats.droppedLines == 2)
        #expect(stats.truncatedEvents == 1)
    }

    @Test func missingFormatsOrNamesAreConfigErrors() {
        #expect(throws: FaultMavenError.self) { try EventParser(config: ParserConfig(type: .multiline), referenceDate: Date()) }
        #expect(throws: FaultMavenError.self) {
            try EventParser(config: ParserConfig(type: .multiline, formats: ["^(\\d+)"]), referenceDate: Date())
        }
        #expect(throws: FaultMavenError.self) {
            try EventParser(
                config: ParserConfig(type: .multiline, formatFirstline: "^(", formats: ["(?<a>x)"]), referenceDate: Date())
        }
    }
}
