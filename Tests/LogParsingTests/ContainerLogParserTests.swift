import FaultMavenCore
import Foundation
import Testing

@testable import LogParsing

/// Container runtime logs (CRI and Docker json-file): envelope removed, split lines joined, the
/// application's own format parsed, runtime time and stream kept.
@Suite struct ContainerLogParserTests {
    typealias S = ParserTestSupport

    @Test func criLinesAreUnwrappedAndTheInnerFormatParsed() throws {
        let lines = [
            #"2026-03-02T08:00:00.123456789Z stdout F {"level":"error","msg":"db down","req":"7"}"#,
            "2026-03-02T08:00:01.000000000+01:00 stderr F 2026-03-02 07:00:01,000 WARNING app.db: slow query",
        ]
        for type in [ParserType.cri, .auto] {
            let (events, stats) = try S.parse(lines, ParserConfig(type: type))
            try #require(events.count == 2)
            #expect(stats.container == .cri)
            #expect(events[0].message == "db down" && events[0].level == .error)
            #expect(events[0].fields["req"] == "7" && events[0].fields["stream"] == "stdout")
            #expect(S.same(events[0].time, S.utc(2026, 3, 2, 8, 0, 0, nanos: 123_456_789)))
            #expect(events[1].level == .warn && events[1].message == "slow query")
            #expect(events[1].fields["stream"] == "stderr" && events[1].fields["logger"] == "app.db")
            #expect(S.same(events[1].time, S.utc(2026, 3, 2, 7, 0, 1)))
        }
    }

    @Test func criPartialLinesAreJoinedPerStream() throws {
        let lines = [
            "2026-03-02T08:00:00Z stdout P level=info msg=\"first ",
            "2026-03-02T08:00:00Z stderr P oops: ",
            "2026-03-02T08:00:00Z stdout P half and ",
            "2026-03-02T08:00:00Z stderr F disk full",
            "2026-03-02T08:00:01Z stdout F second half\" bytes=10",
        ]
        let (events, stats) = try S.parse(lines, ParserConfig(type: .cri))
        try #require(events.count == 2)
        #expect(stats.partialLines == 3)
        #expect(events[0].message == "oops: disk full" && events[0].fields["stream"] == "stderr")
        #expect(events[0].firstLine == 2)
        #expect(events[1].message == "first half and second half" && events[1].fields["bytes"] == "10")
        #expect(events[1].firstLine == 1)
        // The time of a joined line is the time of its first piece.
        #expect(S.same(events[1].time, S.utc(2026, 3, 2, 8)))
    }

    @Test func stackTracesAcrossCriLinesBecomeOneEvent() throws {
        let lines = [
            "2026-03-02T08:00:00Z stderr F 2026-03-02 08:00:00,000 ERROR app.web: request failed",
            "2026-03-02T08:00:00Z stderr F Traceback (most recent call last):",
            "2026-03-02T08:00:00Z stderr F   File \"app.py\", line 3, in <module>",
            "2026-03-02T08:00:00Z stderr F ValueError: bad value",
            "2026-03-02T08:00:02Z stdout F 2026-03-02 08:00:02,000 INFO app.web: recovered",
        ]
        let (events, _) = try S.parse(lines, ParserConfig(type: .cri))
        try #require(events.count == 2)
        #expect(events[0].lineCount == 4 && events[0].message.hasSuffix("ValueError: bad value"))
        #expect(events[1].message == "recovered" && events[1].fields["stream"] == "stdout")
        #expect(S.same(events[1].time, S.utc(2026, 3, 2, 8, 0, 2)))
    }

    @Test func dockerJSONIsUnwrappedAndSplitLinesJoined() throws {
        let lines = [
            #"{"log":"ts=2026-03-02T08:00:00Z level=warn msg=\"cache miss\" key=a\n","stream":"stdout","time":"2026-03-02T08:00:00.5Z"}"#,
            #"{"log":"part one, ","stream":"stderr","time":"2026-03-02T08:00:01Z"}"#,
            #"{"log":"part two\r\n","stream":"stderr","time":"2026-03-02T08:00:01.1Z"}"#,
        ]
        for type in [ParserType.docker, .auto] {
            let (events, stats) = try S.parse(lines, ParserConfig(type: type))
            try #require(events.count == 2)
            #expect(stats.container == .docker && stats.partialLines == 1)
            #expect(events[0].message == "cache miss" && events[0].level == .warn && events[0].fields["key"] == "a")
            #expect(S.same(events[0].time, S.utc(2026, 3, 2, 8, 0, 0, nanos: 500_000_000)))
            #expect(events[1].message == "part one, part two" && events[1].fields["stream"] == "stderr")
        }
    }

    @Test func applicationJSONWithALogKeyIsNotAnEnvelope() throws {
        let (events, stats) = try S.parse([#"{"log":"hello","level":"info","time":"2026-03-02T08:00:00Z"}"#])
        try #require(events.count == 1)
        #expect(stats.container == nil && stats.detectedFormat == .json)
        #expect(events[0].message == "hello")
    }

    @Test func linesWithoutTheEnvelopeAreParsedAndCounted() throws {
        let lines = ["2026-03-02T08:00:00Z stdout F one", "not a container line", "2026-03-02T08:00:01Z stdout F two"]
        let (events, stats) = try S.parse(lines, ParserConfig(type: .cri))
        #expect(events.map(\.message) == ["one", "not a container line", "two"])
        #expect(stats.unwrapFailures == 1)
        #expect(events[1].fields["stream"] == nil)
    }

    @Test func openSplitLinesAreEmittedOnFlushAndBounded() throws {
        var config = ParserConfig(type: .cri)
        config.maxEventBytes = 16
        var parser = try EventParser(config: config, referenceDate: S.reference)
        var events: [ParsedEvent] = []
        parser.feed("2026-03-02T08:00:00Z stdout P 0123456789", number: 1, into: &events)
        parser.feed("2026-03-02T08:00:00Z stdout P abcdefghij", number: 2, into: &events)  // over 16 bytes: dropped
        #expect(events.isEmpty && parser.stats.droppedLines == 1)
        parser.flush(into: &events)
        try #require(events.count == 1)
        #expect(events[0].message == "0123456789" && events[0].fields["stream"] == "stdout")
        #expect(!parser.hasPending)
    }

    @Test func logrusAndZapEncodings() throws {
        let logrus = try S.parse([
            #"time="2026-03-02T08:00:00Z" level=error msg="payment failed" order=42"#,
            #"{"level":"warning","msg":"retrying","time":"2026-03-02T08:00:01Z"}"#,
        ], ParserConfig(type: .logrus)).events
        #expect(logrus.map(\.level) == [.error, .warn])
        #expect(logrus.map(\.message) == ["payment failed", "retrying"])
        #expect(logrus[0].fields["order"] == "42")

        let zap = try S.parse([
            #"{"level":"error","ts":1772438400.5,"caller":"svc/main.go:12","msg":"dial failed","addr":"db:5432"}"#,
            "2026-03-02T08:00:01.000Z\tWARN\tsvc/main.go:20\tslow response\t{\"ms\": 900}",
        ], ParserConfig(type: .zap)).events
        try #require(zap.count == 2)
        #expect(zap[0].level == .error && zap[0].message == "dial failed" && zap[0].fields["caller"] == "svc/main.go:12")
        #expect(S.same(zap[0].time, Date(timeIntervalSince1970: 1_772_438_400.5)))
        #expect(zap[1].level == .warn && zap[1].message.contains("slow response"))
        #expect(S.same(zap[1].time, S.utc(2026, 3, 2, 8, 0, 1)))
    }
}
