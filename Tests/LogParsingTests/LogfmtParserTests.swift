import FaultMavenCore
import Foundation
import Testing

@testable import LogParsing

@Suite struct LogfmtParserTests {
    typealias S = ParserTestSupport
    let logfmt = ParserConfig(type: .logfmt)

    @Test func pairsQuotedValuesAndBareKeys() throws {
        let e = try S.one(
            #"time=2026-03-02T08:00:14Z level=error msg="upstream \"inventory\" timed out" order=131106 retry"#,
            logfmt)
        #expect(e.time == S.utc(2026, 3, 2, 8, 0, 14))
        #expect(e.level == .error)
        #expect(e.message == #"upstream "inventory" timed out"#)
        #expect(e.fields == ["order": "131106", "retry": "true"])
    }

    @Test func emptyValuesAndDottedKeys() throws {
        let e = try S.one(#"at=info http.status=200 user= msg="""#, logfmt)
        #expect(e.fields == ["at": "info", "http.status": "200", "user": ""])
        #expect(e.message == "")
    }

    @Test(arguments: ["plain text line", "=novalue x=1", #"a="unterminated"#, "single=1", "a=1 b=\"x\"y"])
    func nonLogfmtFails(_ line: String) throws {
        #expect(try S.one(line, logfmt).parseFailed)
    }
}

@Suite struct LogfmtRepeatedKeyTests {
    typealias S = ParserTestSupport
    let logfmt = ParserConfig(type: .logfmt)

    /// A repeated key counts once (a line needs two distinct keys) and keeps its last value,
    /// for fields as for the time, message and level taken out of them.
    @Test func repeatedKeysKeepTheLastValue() throws {
        #expect(try S.one("a=1 a=2", logfmt).parseFailed)
        let e = try S.one(
            #"msg=first level=info ts=bad a=1 msg="second one" level=warn ts=2026-03-02T08:00:14Z a=2"#, logfmt)
        #expect(e.message == "second one")
        #expect(e.level == .warn)
        #expect(e.time == S.utc(2026, 3, 2, 8, 0, 14))
        #expect(e.fields == ["a": "2"])
    }
}
