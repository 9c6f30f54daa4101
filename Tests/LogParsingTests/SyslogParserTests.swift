import FaultMavenCore
import Foundation
import Testing

@testable import LogParsing

@Suite struct SyslogParserTests {
    typealias S = ParserTestSupport
    let syslog = ParserConfig(type: .syslog)

    /// RFC 3164 example from the Fluentd `syslog` parser documentation (docs.fluentd.org/parser/syslog).
    @Test func fluentdRFC3164Example() throws {
        let e = try S.one("<6>Feb 28 12:00:00 192.168.0.1 fluentd[11111]: [error] Syslog test", syslog)
        #expect(e.time == S.utc(2026, 2, 28, 12))
        #expect(e.fields == ["pri": "6", "host": "192.168.0.1", "ident": "fluentd", "pid": "11111"])
        #expect(e.message == "[error] Syslog test")
        #expect(e.level == .info)  // the priority wins over the text
    }

    /// RFC 5424 example from the same page.
    @Test func fluentdRFC5424Example() throws {
        let line = #"<16>1 2013-02-28T12:00:00.003Z 192.168.0.1 fluentd 11111 ID24224 [exampleSDID@20224 iut="3" eventSource="Application" eventID="11211"] Hi, from Fluentd!"#
        let e = try S.one(line, syslog)
        #expect(S.same(e.time, S.utc(2013, 2, 28, 12, 0, 0, nanos: 3_000_000)))
        #expect(e.fields == [
            "pri": "16", "host": "192.168.0.1", "ident": "fluentd", "pid": "11111", "msgid": "ID24224",
            "extradata": #"[exampleSDID@20224 iut="3" eventSource="Application" eventID="11211"]"#,
        ])
        #expect(e.message == "Hi, from Fluentd!")
        #expect(e.level == .fatal)  // <16> = facility 2 (mail) * 8 + severity 0 (emerg)
    }

    @Test func yearlessWithoutPriorityUsesKeywords() throws {
        let (events, _) = try S.parse(
            [
                "Mar  2 08:00:00 web-1 app[4242]: warn: slow query on table orders took 1900ms",
                "Mar  2 08:00:09 web-1 app[4242]: error: failed to publish event",
                "Mar  2 08:00:10 web-1 app[4242]: cache hit ratio 84% for shard 5",
                "Jun 14 15:16:01 combo sshd(pam_unix)[19939]: authentication failure; logname= uid=0",
                "Dec 31 23:59:59 host kernel: eth0 link up",
            ], syslog)
        #expect(events.map(\.level) == [.warn, .error, .unknown, .unknown, .unknown])
        #expect(events[0].time == S.utc(2026, 3, 2, 8))
        #expect(events[0].message == "warn: slow query on table orders took 1900ms")
        #expect(events[3].fields["ident"] == "sshd(pam_unix)")
        #expect(events[3].time == S.utc(2025, 6, 14, 15, 16, 1))  // after the reference → last year
        #expect(events[4].fields == ["host": "host", "ident": "kernel"])
        #expect(events[4].time == S.utc(2025, 12, 31, 23, 59, 59))
    }

    @Test func macOSDetailBeforeTheColon() throws {
        let e = try S.one(
            "Jul  1 09:01:05 calvisitor com.apple.xpc.launchd[1] (com.apple.preference.displays[55]): Service exited",
            syslog)
        #expect(e.fields["ident"] == "com.apple.xpc.launchd")
        #expect(e.fields["pid"] == "1")
        #expect(e.message == "Service exited")
    }

    @Test(arguments: ["hello world", "<999>Mar  2 08:00:00 h a: m", "Mar  2 08:00:00", "<13>1 - - - - -"])
    func nonSyslogFails(_ line: String) throws {
        let e = try S.one(line, syslog)
        if line.hasPrefix("<13>1") {
            // All-nil RFC 5424 header is valid: no time, empty message.
            #expect(!e.parseFailed)
            #expect(e.time == nil)
        } else {
            #expect(e.parseFailed)
        }
    }
}
