import FaultMavenCore
import Foundation
import Testing

@testable import LogParsing

@Suite struct AccessLogParserTests {
    typealias S = ParserTestSupport

    /// Example from the Fluentd `apache2` parser documentation (docs.fluentd.org/parser/apache2).
    @Test func fluentdApache2Example() throws {
        let e = try S.one(
            #"192.168.0.1 - - [28/Feb/2013:12:00:00 +0900] "GET / HTTP/1.1" 200 777 "-" "Opera/12.0""#,
            ParserConfig(type: .apache2))
        #expect(e.time == S.utc(2013, 2, 28, 3))
        #expect(e.fields == [
            "host": "192.168.0.1", "method": "GET", "path": "/", "protocol": "HTTP/1.1", "code": "200",
            "size": "777", "agent": "Opera/12.0",
        ])
        #expect(e.level == .info)
        #expect(e.message == "GET / HTTP/1.1 200")
    }

    /// Example from the Fluentd `nginx` parser documentation (docs.fluentd.org/parser/nginx).
    @Test func fluentdNginxExample() throws {
        let e = try S.one(
            #"127.0.0.1 192.168.0.1 - [28/Feb/2013:12:00:00 +0900] "GET / HTTP/1.1" 200 777 "-" "Opera/12.0" -"#,
            ParserConfig(type: .nginx))
        #expect(e.fields["remote"] == "127.0.0.1")
        #expect(e.fields["host"] == "192.168.0.1")
        #expect(e.fields["http_x_forwarded_for"] == nil)
        #expect(e.fields["agent"] == "Opera/12.0")
    }

    @Test func levelFollowsTheStatusAndCommonFormatWorks() throws {
        let lines = [
            #"10.0.0.1 - bob [02/Mar/2026:08:00:00 +0000] "POST /api/pay HTTP/1.1" 503 12"#,
            #"10.0.0.1 - - [02/Mar/2026:08:00:01 +0000] "GET /missing HTTP/1.1" 404 -"#,
            #"10.0.0.1 - - [02/Mar/2026:08:00:02 +0000] "GET /a\"b HTTP/1.1" 302 0 "http://x/" "curl/8" "1.2.3.4""#,
        ]
        let (events, stats) = try S.parse(lines, ParserConfig(type: .nginx))
        #expect(events.map(\.level) == [.error, .warn, .info])
        #expect(events[0].fields["user"] == "bob")
        #expect(events[1].fields["size"] == nil)
        #expect(events[2].fields["http_x_forwarded_for"] == "1.2.3.4")
        #expect(events[2].fields["referer"] == "http://x/")
        #expect(stats.parseFailures == 0)
    }

    @Test(arguments: [
        "GET / 200", #"1.2.3.4 - - [bad time] "GET /" 200 1"#, #"1.2.3.4 - - [02/Mar/2026:08:00:00 +0000] "GET /"#,
    ])
    func nonAccessLinesFail(_ line: String) throws {
        #expect(try S.one(line, ParserConfig(type: .apache2)).parseFailed)
    }
}
