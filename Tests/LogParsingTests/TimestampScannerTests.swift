import Foundation
import Testing

@testable import LogParsing

/// Automatic recognition of timestamps (no `time_format`).
@Suite struct TimestampScannerTests {
    let ctx = TimeContext(referenceDate: ParserTestSupport.reference, zone: .fixed(0))
    func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0, nanos: Int = 0) -> Date {
        ParserTestSupport.utc(y, mo, d, h, mi, s, nanos: nanos)
    }
    func value(_ s: String) -> Date? { TimestampScanner.value(s, ctx) }

    @Test(arguments: [
        ("2026-03-02T08:00:00Z", 0),
        ("2026-03-02T08:00:00.636Z", 636_000_000),
        ("2026-03-02 08:00:00,444", 444_000_000),
        ("2026-03-02T10:00:00+02:00", 0),
        ("2026-03-02T03:00:00-0500", 0),
        ("2026-03-02T08:00:00.123456789Z", 123_456_789),
        ("2026/03/02 08:00:00", 0),
        ("20260302T080000Z", 0),
        ("Mon, 02 Mar 2026 08:00:00 GMT", 0),
        ("Mon Mar  2 08:00:00 2026", 0),
        ("02/Mar/2026:08:00:00 +0000", 0),
        ("Mar  2 08:00:00", 0),
        ("1772438400", 0),
        ("1772438400000", 0),
        ("1772438400.250", 250_000_000),
    ])
    func recognizedShapes(_ text: String, _ nanos: Int) {
        #expect(ParserTestSupport.same(value(text), utc(2026, 3, 2, 8, 0, 0, nanos: nanos)), "\(text)")
    }

    @Test func dateOnlyAndZoneless() {
        #expect(value("2026-03-02") == utc(2026, 3, 2))
        let tokyo = TimeContext(referenceDate: ParserTestSupport.reference, zone: .fixed(9 * 3600))
        #expect(TimestampScanner.value("2026-03-02 08:00:00", tokyo) == utc(2026, 3, 1, 23))
        // An explicit offset wins over the configured zone.
        #expect(TimestampScanner.value("2026-03-02T08:00:00Z", tokyo) == utc(2026, 3, 2, 8))
    }

    @Test func prefixesFindTheEnd() {
        let line = "2026-03-02 08:00:00.237 INFO  [main] c.e.App - msg"
        let r = line.withBytes { TimestampScanner.prefix($0, 0, ctx) }
        #expect(r?.end == 23)
        #expect(r?.date == utc(2026, 3, 2, 8, 0, 0, nanos: 237_000_000))
        let klog = "0302 08:00:00.123456"
        #expect(klog.withBytes { TimestampScanner.prefix($0, 0, ctx) } == nil)
    }

    /// `:mmm` milliseconds after the clock, also unpadded (`:6` is 6 ms): the whole field is the
    /// timestamp's, so what follows starts right after it.
    @Test(arguments: [("20260302-08:00:00:606|Step", 606), ("20260302-08:00:00:61|Step", 61), ("20260302-08:00:00:6|Step", 6)])
    func colonMillisecondsUnpadded(_ line: String, _ ms: Int) {
        let r = line.withBytes { TimestampScanner.prefix($0, 0, ctx) }
        #expect(ParserTestSupport.same(r?.date, utc(2026, 3, 2, 8, 0, 0, nanos: ms * 1_000_000)), "\(line)")
        #expect(r?.end == line.utf8.count - "|Step".utf8.count, "\(line)")
    }

    @Test func yearlessSyslogInJanuaryMeansLastDecember() {
        let jan = TimeContext(referenceDate: utc(2026, 1, 1, 0, 30), zone: .fixed(0))
        #expect(TimestampScanner.value("Dec 31 23:59:00", jan) == utc(2025, 12, 31, 23, 59))
        #expect(TimestampScanner.value("Jan  1 00:10:00", jan) == utc(2026, 1, 1, 0, 10))
    }

    @Test(arguments: ["", "now", "2026-13-01T00:00:00Z", "2026-02-29 00:00:00", "12345", "Foo  2 08:00:00", "08:00"])
    func rejects(_ text: String) {
        #expect(value(text) == nil, "\(text)")
    }
}
