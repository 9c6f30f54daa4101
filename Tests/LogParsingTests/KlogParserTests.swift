import FaultMavenCore
import Foundation
import Testing

@testable import LogParsing

@Suite struct KlogParserTests {
    typealias S = ParserTestSupport

    @Test func klogLinesAreDetectedAndParsed() throws {
        let (events, stats) = try S.parse([
            "E0302 08:00:00.123456    1234 controller.go:12] sync failed: timeout",
            "I0302 08:00:01.000001    1234 main.go:40] started",
            "W1231 23:00:00.000000       7 x.go:1] late",
            "F0302 08:00:02.5 1 y.go:2] dead",
        ])
        #expect(stats.detectedFormat == .klog)
        #expect(events.map(\.level) == [.error, .info, .warn, .fatal])
        #expect(events[0].message == "sync failed: timeout")
        #expect(events[0].fields == ["thread": "1234", "source": "controller.go:12"])
        #expect(S.same(events[0].time, S.utc(2026, 3, 2, 8, 0, 0, nanos: 123_456_000)))
        #expect(events[2].time == S.utc(2025, 12, 31, 23))
        #expect(events[3].message == "dead")
    }

    @Test func lookalikesAreNotKlog() throws {
        let e = try S.one("E0302 is an error code, not a klog header")
        #expect(e.fields["source"] == nil)
        #expect(e.message == "E0302 is an error code, not a klog header")
    }
}
