import FaultMavenCore
import Foundation
import Testing

@testable import LogParsing

@Suite struct AutoDetectionTests {
    typealias S = ParserTestSupport

    @Test(arguments: [
        (#"{"level":"info","msg":"x"}"#, LogFormat.json),
        ("time=2026-03-02T08:00:00Z level=info msg=x", .logfmt),
        ("Mar  2 08:00:00 web-1 app[1]: x", .syslog),
        ("<34>1 2026-03-02T08:00:00Z h a - - - x", .syslog),
        (#"1.2.3.4 - - [02/Mar/2026:08:00:00 +0000] "GET / HTTP/1.1" 200 5 "-" "curl""#, .nginx),
        ("I0302 08:00:00.000000 1 a.go:1] x", .klog),
        ("2026-03-02 08:00:00,444 INFO app.api: x", .timestampLevel),
        ("just some words", LogFormat.none),
    ])
    func detectsFromTheFirstLine(_ line: String, _ format: LogFormat) throws {
        let (events, stats) = try S.parse([line])
        #expect(stats.detectedFormat == format)
        #expect(events.count == 1)
        #expect(!events[0].parseFailed)
    }

    @Test func javaStackTraceJoinsThePreviousEvent() throws {
        let lines = [
            "2026-03-02 08:00:00.237 INFO  [main] c.e.App - starting",
            "2026-03-02 08:00:01.000 ERROR [main] c.e.App - request failed",
            "java.lang.IllegalStateException: boom",
            "\tat com.example.App.handle(App.java:42)",
            "\tat com.example.App.main(App.java:10)",
            "Caused by: java.io.IOException: disk",
            "\t... 2 more",
            "2026-03-02 08:00:02.000 INFO  [main] c.e.App - recovered",
        ]
        let (events, stats) = try S.parse(lines)
        try #require(events.count == 3)
        #expect(events[1].level == .error)
        #expect(events[1].lineCount == 6)
        #expect(events[1].message.hasPrefix("request failed\njava.lang.IllegalStateException: boom\n\tat com.example"))
        #expect(events[1].message.hasSuffix("\t... 2 more"))
        #expect(events[2].firstLine == 8)
        #expect(stats.unmatchedLines == 0)
    }

    @Test func pythonTracebackJoinsAndRaisesAnUnknownLevel() throws {
        let lines = [
            "Mar  2 08:00:00 web-1 app[4242]: handler crashed",
            "Traceback (most recent call last):",
            "  File \"app.py\", line 3, in <module>",
            "    main()",
            "ValueError: bad value",
            "Mar  2 08:00:01 web-1 app[4242]: next",
        ]
        let (events, _) = try S.parse(lines)
        try #require(events.count == 2)
        #expect(events[0].lineCount == 5)
        #expect(events[0].level == .error)
        #expect(events[0].message.hasSuffix("ValueError: bad value"))
        #expect(events[1].message == "next")
    }

    @Test func continuationBoundIsCounted() throws {
        var config = ParserConfig()
        config.maxLines = 4
        let lines = ["2026-03-02T08:00:00Z ERROR x"] + (0..<20).map { "    at frame\($0)" }
        let (events, stats) = try S.parse(lines, config)
        #expect(events.count == 1)
        #expect(events[0].lineCount == 21)
        #expect(events[0].message.split(separator: "\n").count == 4)
        #expect(stats.droppedLines == 17)
        #expect(stats.truncatedEvents == 1)
    }

    @Test func eventsWaitForTheNextLineOrFlush() throws {
        var parser = try EventParser(config: ParserConfig(), referenceDate: S.reference)
        #expect(parser.feed(#"{"msg":"a"}"#, number: 1).isEmpty)
        #expect(parser.hasPending)
        let first = parser.feed(#"{"msg":"b"}"#, number: 2)
        #expect(first.map(\.message) == ["a"])
        #expect(parser.flush().map(\.message) == ["b"])
        #expect(!parser.hasPending)
        #expect(parser.flush().isEmpty)
    }

    @Test func mixedLinesStillParseAndRedetectAfterARun() throws {
        var config = ParserConfig()
        config.redetectAfter = 3
        let json = (0..<3).map { #"{"level":"info","msg":"j\#($0)"}"# }
        let logfmt = (0..<5).map { "level=warn msg=l\($0)" }
        let (events, stats) = try S.parse(json + logfmt, config)
        #expect(events.map(\.message) == (0..<3).map { "j\($0)" } + (0..<5).map { "l\($0)" })
        #expect(events.suffix(5).allSatisfy { $0.level == .warn && !$0.parseFailed })
        #expect(stats.detectedFormat == .logfmt)
        #expect(stats.redetections == 1)
    }

    @Test func unmatchedLinesBecomePlainMessagesAndBlankLinesAreSkipped() throws {
        let (events, stats) = try S.parse(["2026-03-02T08:00:00Z INFO a", "", "   ", "free text WARN", "WARN: b"])
        #expect(events.map(\.message) == ["a", "free text WARN", "WARN: b"])
        #expect(events.map(\.level) == [.info, .unknown, .warn])
        #expect(stats.unmatchedLines == 2)
        #expect(stats.skippedLines == 2)
        #expect(stats.parseFailures == 0)
        #expect(stats.lines == 5)
        #expect(stats.events == 3)
    }
}
