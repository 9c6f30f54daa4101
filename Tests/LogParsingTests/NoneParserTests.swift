import FaultMavenCore
import Foundation
import Testing

@testable import LogParsing

@Suite struct NoneParserTests {
    typealias S = ParserTestSupport

    @Test func wholeLineIsTheMessageAndTimeIsNotGuessed() throws {
        let (events, stats) = try S.parse(
            ["2026-03-02 08:00:00 ERROR boom", "plain words", "", "Traceback (most recent call last):"],
            ParserConfig(type: .none))
        #expect(events.map(\.message) == ["2026-03-02 08:00:00 ERROR boom", "plain words", "", "Traceback (most recent call last):"])
        #expect(events.allSatisfy { $0.time == nil && $0.fields.isEmpty && !$0.parseFailed })
        // Keyword scan looks at the first two tokens only: the timestamp hides "ERROR" here.
        #expect(events.map(\.level) == [.unknown, .unknown, .unknown, .error])
        #expect(stats.detectedFormat == LogFormat.none)
    }

    @Test func crlfIsStripped() throws {
        let e = try S.one("WARN: disk\r", ParserConfig(type: .none))
        #expect(e.message == "WARN: disk")
        #expect(e.level == .warn)
    }
}
