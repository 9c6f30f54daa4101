import FaultMavenCore
import Foundation
import Testing

@testable import LogParsing

/// Helpers shared by the parser tests.
enum ParserTestSupport {
    /// 2026-03-03T00:00:00Z: the reference date the tests parse against.
    static let reference = utc(2026, 3, 3)

    /// An instant given in UTC fields; `nanos` for fractions.
    static func utc(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0, nanos: Int = 0) -> Date {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = TimeZone(identifier: "UTC")!
        let date = cal.date(from: DateComponents(year: y, month: mo, day: d, hour: h, minute: mi, second: s))!
        return date.addingTimeInterval(Double(nanos) / 1e9)
    }

    /// Feeds `lines` (numbered from 1), flushes, and returns the events and final stats.
    static func parse(_ lines: [String], _ config: ParserConfig = ParserConfig(), reference: Date = reference) throws
        -> (events: [ParsedEvent], stats: ParserStats)
    {
        var parser = try EventParser(config: config, referenceDate: reference)
        var events: [ParsedEvent] = []
        for (i, line) in lines.enumerated() { events += parser.feed(line, number: i + 1) }
        events += parser.flush()
        #expect(!parser.hasPending)
        return (events, parser.stats)
    }

    /// Parses one line with `config` and returns its only event.
    static func one(_ line: String, _ config: ParserConfig = ParserConfig()) throws -> ParsedEvent {
        let (events, _) = try parse([line], config)
        try #require(events.count == 1)
        return events[0]
    }

    /// Two dates within a microsecond (fractions go through `Double`).
    static func same(_ a: Date?, _ b: Date) -> Bool {
        guard let a else { return false }
        return abs(a.timeIntervalSince(b)) < 1e-6
    }

    /// `<repo>/../shared/eval/<sub>`: the repo root is three levels above this file
    /// (symlinks resolved, so a scratch package linking the test folder finds the same data).
    static func evalDirectory(_ sub: String) -> URL {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/eval")
            .appendingPathComponent(sub)
    }

    /// The lines of a file split on `\n` only (a CRLF's `\r` is left for the parser to strip).
    static func lines(of url: URL) throws -> [String] {
        let data = try Data(contentsOf: url)
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
