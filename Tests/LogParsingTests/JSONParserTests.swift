import FaultMavenCore
import Foundation
import Testing

@testable import LogParsing

@Suite struct JSONParserTests {
    typealias S = ParserTestSupport
    let json = ParserConfig(type: .json)

    /// Example from the Fluentd `json` parser documentation (docs.fluentd.org/parser/json).
    @Test func fluentdDocumentationExample() throws {
        let e = try S.one(#"{"time":1362020400,"host":"192.168.0.1","size":777,"method":"PUT"}"#, json)
        #expect(e.time == S.utc(2013, 2, 28, 3))
        #expect(e.fields == ["host": "192.168.0.1", "size": "777", "method": "PUT"])
        #expect(e.message == #"{"time":1362020400,"host":"192.168.0.1","size":777,"method":"PUT"}"#)
    }

    @Test func messageLevelAndAlternativeTimeKeys() throws {
        let e = try S.one(#"{"ts":"2026-03-02T08:00:02.636Z","level":"warn","msg":"slow","latency_ms":48}"#, json)
        #expect(S.same(e.time, S.utc(2026, 3, 2, 8, 0, 2, nanos: 636_000_000)))
        #expect(e.level == .warn)
        #expect(e.message == "slow")
        #expect(e.fields == ["latency_ms": "48"])
    }

    @Test func nestedValuesStayCompactJSON() throws {
        let e = try S.one(#"{ "message" : "x", "req": { "a": [1, 2, {"b": "c d"}], "e": null }, "ok": true, "n": -1.5e3 }"#, json)
        #expect(e.fields["req"] == #"{"a":[1,2,{"b":"c d"}],"e":null}"#)
        #expect(e.fields["ok"] == "true")
        #expect(e.fields["n"] == "-1.5e3")
    }

    @Test func escapesAreDecoded() throws {
        let e = try S.one(#"{"msg":"tab\there \"q\" \u00e9 \ud83d\ude00 \\ \/"}"#, json)
        #expect(e.message == "tab\there \"q\" é 😀 \\ /")
    }

    @Test func numericLevelsAndConfiguredKeys() throws {
        #expect(try S.one(#"{"level":50,"msg":"pino error"}"#, json).level == .error)
        #expect(try S.one(#"{"PRIORITY":"4","MESSAGE":"journald"}"#, json).level == .warn)
        let custom = ParserConfig(type: .json, timeKey: "when", levelKey: "sev", messageKey: "text")
        let e = try S.one(#"{"when":"2026-03-02 08:00:00","sev":"CRITICAL","text":"t","level":"info"}"#, custom)
        #expect(e.level == .fatal)
        #expect(e.message == "t")
        #expect(e.time == S.utc(2026, 3, 2, 8))
        #expect(e.fields == ["level": "info"])
    }

    /// A repeated key keeps its last value, as the time, message and level taken out and as a field.
    @Test func repeatedKeysKeepTheLastValue() throws {
        let e = try S.one(
            #"{"time":"bad","msg":"first","level":"info","a":1,"time":"2026-03-02T08:00:01Z","msg":"second","level":"warn","a":2}"#,
            json)
        #expect(e.time == S.utc(2026, 3, 2, 8, 0, 1))
        #expect(e.message == "second")
        #expect(e.level == .warn)
        #expect(e.fields == ["a": "2"])
        let unreadable = try S.one(#"{"time":"2026-03-02T08:00:01Z","time":"bad","msg":"m"}"#, json)
        #expect(unreadable.time == nil)
        #expect(unreadable.fields == ["time": "bad"])
    }

    /// One key configured as time, message and level is taken once: the time first, so the message
    /// falls back to the line and the level to the keyword scan; kept as the time, it is the message.
    @Test func oneKeyForTimeMessageAndLevel() throws {
        let line = #"{"k":"2026-03-02T08:00:01Z","other":"x"}"#
        let shared = ParserConfig(type: .json, timeKey: "k", levelKey: "k", messageKey: "k")
        let e = try S.one(line, shared)
        #expect(e.time == S.utc(2026, 3, 2, 8, 0, 1))
        #expect(e.message == line)
        #expect(e.fields == ["other": "x"])
        let kept = try S.one(
            line, ParserConfig(type: .json, timeKey: "k", keepTimeKey: true, levelKey: "k", messageKey: "k"))
        #expect(kept.time == S.utc(2026, 3, 2, 8, 0, 1))
        #expect(kept.message == "2026-03-02T08:00:01Z")
        #expect(kept.fields == ["other": "x"])
        let levelAndMessage = try S.one(#"{"k":"ERROR","n":1}"#, ParserConfig(type: .json, levelKey: "k", messageKey: "k"))
        #expect(levelAndMessage.message == "ERROR")
        #expect(levelAndMessage.level == .error)
        #expect(levelAndMessage.fields == ["n": "1"])
    }

    /// Configured keys that are not short ASCII words (compared as strings, not packed) are found
    /// as well, and so are keys written with escapes.
    @Test func longNonASCIIAndEscapedKeys() throws {
        let config = ParserConfig(
            type: .json, timeKey: "event_timestamp_in_utc", levelKey: "niveau_sévérité", messageKey: "m")
        let e = try S.one(
            #"{"event_timestamp_in_utc":"2026-03-02T08:00:01Z","niveau_s\u00e9v\u00e9rit\u00e9":"warn","\u006d":"text","x":"y"}"#,
            config)
        #expect(e.time == S.utc(2026, 3, 2, 8, 0, 1))
        #expect(e.level == .warn)
        #expect(e.message == "text")
        #expect(e.fields == ["x": "y"])
        let escaped = try S.one(#"{"\u006dsg":"escaped key","lev\u0065l":"error","a\\b":"c"}"#, json)
        #expect(escaped.message == "escaped key")
        #expect(escaped.level == .error)
        #expect(escaped.fields == [#"a\b"#: "c"])
    }

    /// Values are read from the line's bytes (time, level) or decoded (kept fields, the message);
    /// values with non-ASCII text or escapes give the same results either way.
    @Test func valuesFromTheLineAndDecoded() throws {
        let e = try S.one(#"{"ts":"2026-03-02T08:00:01Z","level":"30","msg":"plain \u00e9","n":12.5,"u":"h\u00e9","v":"w\"x"}"#, json)
        #expect(e.time == S.utc(2026, 3, 2, 8, 0, 1))
        #expect(e.level == .info)
        #expect(e.message == "plain é")
        #expect(e.fields == ["n": "12.5", "u": "hé", "v": "w\"x"])
        let nonASCII = try S.one(#"{"time":"2026-03-02T08:00:01Zé","level":"wärn","msg":"ünïcode"}"#, json)
        #expect(nonASCII.time == nil)
        #expect(nonASCII.level == .unknown)
        #expect(nonASCII.message == "ünïcode")
        #expect(nonASCII.fields == ["time": "2026-03-02T08:00:01Zé", "level": "wärn"])
        let escapedTime = try S.one(#"{"time":"2026-03-02T08:00:01\u005a","lvl":"\u0045RROR","msg":"m"}"#, json)
        #expect(escapedTime.time == S.utc(2026, 3, 2, 8, 0, 1))
        #expect(escapedTime.level == .error)
        #expect(escapedTime.fields.isEmpty)
    }

    @Test func withoutALevelKeyTheMessageIsScanned() throws {
        #expect(try S.one(#"{"msg":"ERROR could not connect"}"#, json).level == .error)
        #expect(try S.one(#"{"msg":"could not connect"}"#, json).level == .unknown)
    }

    @Test(arguments: [
        #"{"a":1"#, #"{"a":}"#, #"["a"]"#, #"{"a":1} trailing"#, #"{'a':1}"#, #"{"a":tru}"#, #"{"a":"\x"}"#,
        #"{"a":01x}"#, "", "{",
    ])
    func malformedLinesFail(_ line: String) throws {
        let (events, stats) = try S.parse([line], json)
        #expect(events.count == 1)
        #expect(events[0].parseFailed)
        #expect(events[0].message == line)
        #expect(stats.parseFailures == 1)
    }

    @Test func deepNestingIsRejectedNotRecursedForever() throws {
        let deep = #"{"a":"# + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "}"
        let e = try S.one(deep, json)
        #expect(e.parseFailed)
    }
}
