import FaultMavenCore
import Foundation
import Testing

@testable import LogParsing

@Suite struct TimeFormatTests {
    let ref = ParserTestSupport.reference
    func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0, nanos: Int = 0) -> Date {
        ParserTestSupport.utc(y, mo, d, h, mi, s, nanos: nanos)
    }

    @Test func isoWithOffsetAndFraction() throws {
        let f = try TimeFormat("%Y-%m-%dT%H:%M:%S.%N%z")
        #expect(ParserTestSupport.same(
            f.parse("2026-03-02T08:00:00.123456789+09:00", referenceDate: ref), utc(2026, 3, 1, 23, 0, 0, nanos: 123_456_789)))
        #expect(f.parse("2026-03-02T08:00:00.5Z", referenceDate: ref) == utc(2026, 3, 2, 8, 0, 0, nanos: 500_000_000))
    }

    @Test func fixedWidthFractions() throws {
        let f3 = try TimeFormat("%H:%M:%S.%3N")
        // Time-only: the reference date supplies the day.
        #expect(f3.parse("08:00:01.250", referenceDate: ref) == utc(2026, 3, 3, 8, 0, 1, nanos: 250_000_000))
        #expect(f3.parse("08:00:01.25", referenceDate: ref) == nil)
        let f6 = try TimeFormat("%F %T,%6N")
        #expect(f6.parse("2026-03-02 08:00:00,000001", referenceDate: ref) == utc(2026, 3, 2, 8, 0, 0, nanos: 1_000))
        let l = try TimeFormat("%F %T.%L")
        #expect(ParserTestSupport.same(
            l.parse("2026-03-02 08:00:00.07", referenceDate: ref), utc(2026, 3, 2, 8, 0, 0, nanos: 70_000_000)))
    }

    @Test func apacheStyleWithMonthName() throws {
        let f = try TimeFormat("%d/%b/%Y:%H:%M:%S %z")
        #expect(f.parse("28/Feb/2013:12:00:00 +0900", referenceDate: ref) == utc(2013, 2, 28, 3))
        let full = try TimeFormat("%A, %B %e %Y %I:%M %p")
        #expect(full.parse("Monday, March  2 2026 01:05 PM", referenceDate: ref) == utc(2026, 3, 2, 13, 5))
        #expect(full.parse("Monday, March  2 2026 12:05 am", referenceDate: ref) == utc(2026, 3, 2, 0, 5))
    }

    @Test func yearlessUsesReferenceOrPreviousYear() throws {
        let f = try TimeFormat("%b %e %H:%M:%S")
        #expect(f.parse("Mar  2 08:00:00", referenceDate: ref) == utc(2026, 3, 2, 8))
        // More than a day after the reference → last year.
        #expect(f.parse("Dec 31 23:00:00", referenceDate: ref) == utc(2025, 12, 31, 23))
        #expect(f.parse("Mar  3 23:59:59", referenceDate: ref) == utc(2026, 3, 3, 23, 59, 59))
    }

    @Test func epochAndDayOfYearAndShortForms() throws {
        #expect(try TimeFormat("%s").parse("1362020400", referenceDate: ref) == utc(2013, 2, 28, 3))
        #expect(try TimeFormat("%Y %j").parse("2024 060", referenceDate: ref) == utc(2024, 2, 29))
        #expect(try TimeFormat("%D %R").parse("03/02/26 08:30", referenceDate: ref) == utc(2026, 3, 2, 8, 30))
        #expect(try TimeFormat("%y%m%d %H%M%S").parse("081109 203615", referenceDate: ref) == utc(2008, 11, 9, 20, 36, 15))
        #expect(try TimeFormat("100%% %Y").parse("100% 2026", referenceDate: ref) == utc(2026, 1, 1))
    }

    @Test func zoneNamesAndConfiguredZone() throws {
        let f = try TimeFormat("%Y-%m-%d %H:%M:%S %Z")
        #expect(f.parse("2026-03-02 08:00:00 UTC", referenceDate: ref) == utc(2026, 3, 2, 8))
        #expect(f.parse("2026-03-02 08:00:00 GMT", referenceDate: ref) == utc(2026, 3, 2, 8))
        #expect(f.parse("2026-03-02 08:00:00 PST", referenceDate: ref) == nil)
        let local = try TimeFormat("%Y-%m-%d %H:%M:%S")
        #expect(local.parse("2026-03-02 08:00:00", referenceDate: ref, timezone: "+09:00") == utc(2026, 3, 1, 23))
        #expect(local.parse("2026-07-02 08:00:00", referenceDate: ref, timezone: "Europe/Berlin") == utc(2026, 7, 2, 6))
    }

    @Test func mismatchesReturnNil() throws {
        let f = try TimeFormat("%Y-%m-%d %H:%M:%S")
        #expect(f.parse("2026-13-02 08:00:00", referenceDate: ref) == nil)
        #expect(f.parse("2026-02-30 08:00:00", referenceDate: ref) == nil)
        #expect(f.parse("2026-03-02 08:00", referenceDate: ref) == nil)
        #expect(f.parse("2026-03-02 08:00:00 trailing", referenceDate: ref) == nil)
        #expect(f.parse("yesterday", referenceDate: ref) == nil)
        #expect(f.parse("", referenceDate: ref) == nil)
    }

    @Test func unknownDirectiveIsABadInputError() {
        #expect(throws: FaultMavenError.self) { try TimeFormat("%Y-%q") }
        #expect(throws: FaultMavenError.self) { try TimeFormat("%Y %") }
        do {
            _ = try TimeFormat("%Y-%q")
        } catch let e as FaultMavenError {
            #expect(e.kind == .badInput)
            #expect(e.message.contains("%q"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}
