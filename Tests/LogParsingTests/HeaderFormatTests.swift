import FaultMavenCore
import Foundation
import Testing

@testable import LogParsing

/// Headers that auto mode reads beyond "timestamp, level, message": the time among the first tokens
/// (`HeaderFormat`), and `|`-separated fields, padded columns and `program - ` after a leading time
/// (`TimestampLevelFormat`). Golden style: input beside expected event.
@Suite struct HeaderFormatTests {
    typealias S = ParserTestSupport
    typealias Golden = TimestampLevelParserTests.Golden

    static let goldens: [Golden] = [
        // Tag, epoch seconds, dotted date, hosts, a second time, upper-case tags, then the level.
        Golden(
            line: "- 1700000000 2023.11.14 R1-N2-C:J3 2023-11-14-22.13.20.123456 R1-N2-C:J3 RAS APP ERROR disk 7 failed",
            time: Date(timeIntervalSince1970: 1_700_000_000), level: .error, message: "disk 7 failed", fields: [:]),
        // Epoch, date, host, syslog time, location, then `program(sub)[pid]:`.
        Golden(
            line: "- 1700000000 2023.11.14 cn12 Nov 14 22:13:20 cn12/cn12 sshd(pam_unix)[4242]: session opened for root",
            time: Date(timeIntervalSince1970: 1_700_000_000), level: .unknown, message: "session opened for root",
            fields: ["logger": "sshd(pam_unix)", "pid": "4242"]),
        // Id, node, component, state words, epoch, flags: the message starts after the flags.
        Golden(
            line: "99123 node-7 unix.hw action start 1700000000 -1 reboot  (command 12)",
            time: Date(timeIntervalSince1970: 1_700_000_000), level: .unknown, message: "reboot  (command 12)",
            fields: [:]),
        // A source file name, the time, pid, level, logger and its bracketed request context.
        Golden(
            line: "api.log.1 2026-03-02 08:00:00.500 311 WARN svc.http.server [req-9 u1 p2 - - -] 10.0.0.1 \"GET /x\" status: 503",
            time: S.utc(2026, 3, 2, 8, 0, 0, nanos: 500_000_000), level: .warn,
            message: "10.0.0.1 \"GET /x\" status: 503",
            fields: ["pid": "311", "logger": "svc.http.server", "context": "req-9 u1 p2 - - -"]),
        // Compact date, unpadded clock, `|`-separated component and pid.
        Golden(
            line: "20260302-8:0:5:7|Sync_Worker|4711|retry 3 of 5",
            time: S.utc(2026, 3, 2, 8, 0, 5, nanos: 7_000_000), level: .unknown, message: "retry 3 of 5",
            fields: ["logger": "Sync_Worker", "pid": "4711"]),
        // Level, then a component in a padded column.
        Golden(
            line: "2026-03-02 08:00:00, Warning               SVC    Service restarted after 3 failures",
            time: S.utc(2026, 3, 2, 8), level: .warn, message: "Service restarted after 3 failures",
            fields: ["logger": "SVC"]),
        // Bracketed short date, a program with a qualifier, ` - `.
        Golden(
            line: "[03.02 08:00:00] 7zip.exe *32 - example.org:443 close, 10 bytes sent",
            time: S.utc(2026, 3, 2, 8), level: .unknown, message: "example.org:443 close, 10 bytes sent",
            fields: ["logger": "7zip.exe"]),
    ]

    @Test(arguments: goldens)
    func golden(_ g: Golden) throws {
        try g.expectParsed()
    }

    @Test(arguments: [
        "Processed 1700000000 bytes in 3 s",  // a prose word before the number: no header
        "1700000000",  // only a time: nothing left for a message
        "build 2023.11.14 done",
    ])
    func proseAndBareNumbersAreNoHeader(_ line: String) throws {
        let (events, stats) = try S.parse([line])
        #expect(stats.detectedFormat == LogFormat.none)
        #expect(events.map(\.message) == [line])
    }

    @Test func headerSourceIsDetectedAsHeader() throws {
        let (events, stats) = try S.parse([Self.goldens[0].line, Self.goldens[0].line])
        #expect(stats.detectedFormat == .header)
        #expect(stats.unmatchedLines == 0)
        #expect(events.count == 2)
    }

    @Test func lowerCaseLevelWordsAfterTheHeaderStayInTheMessage() throws {
        let e = try S.one("4242 node-1 unix.hw 1700000000 1 warning")
        #expect(e.message == "warning")
        #expect(S.same(e.time, Date(timeIntervalSince1970: 1_700_000_000)))
    }

    @Test func unpaddedClocksAndDottedDatesAreRead() throws {
        let t = try #require(TimestampScanner.value("2026-03-02 8:0:5", TimeContext(referenceDate: S.reference, zone: .fixed(0))))
        #expect(S.same(t, S.utc(2026, 3, 2, 8, 0, 5)))
        let d = try #require(TimestampScanner.value("2005.06.03", TimeContext(referenceDate: S.reference, zone: .fixed(0))))
        #expect(S.same(d, S.utc(2005, 6, 3)))
    }
}
