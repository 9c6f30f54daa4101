import Testing
@testable import FluentConfig

@Suite struct ValueTypeTests {
    private func section(_ body: String) throws -> ConfigSection {
        try #require(try parse("<s>\n\(body)\n</s>\n").root.section(named: "s"))
    }

    @Test func integersAndFloats() throws {
        let s = try section("  a 42\n  b -7\n  c 0.95\n  d 1e3\n  e abc\n  f 1.5\n  g inf\n  h 99999999999999999999")
        #expect(try s.integer("a") == 42)
        #expect(try s.integer("b") == -7)
        #expect(try s.float("c") == 0.95)
        #expect(try s.float("d") == 1000)
        #expect(try s.float("a") == 42)
        #expect(try s.integer("missing") == nil)
        #expect(thrownDescription { _ = try s.integer("e") } == "fluent.conf:6: parameter 'e': expected an integer, got 'abc'")
        #expect(thrownDescription { _ = try s.integer("f") } == "fluent.conf:7: parameter 'f': expected an integer, got '1.5'")
        #expect(thrownDescription { _ = try s.float("g") } == "fluent.conf:8: parameter 'g': expected a number, got 'inf'")
        #expect(thrownDescription { _ = try s.integer("h") } == "fluent.conf:9: parameter 'h': integer out of range: '99999999999999999999'")
    }

    @Test func booleans() throws {
        let s = try section("  t1 true\n  t2 yes\n  t3\n  f1 false\n  f2 no\n  bad maybe\n  caps True")
        #expect(try s.bool("t1") == true)
        #expect(try s.bool("t2") == true)
        #expect(try s.bool("t3") == true)
        #expect(try s.bool("f1") == false)
        #expect(try s.bool("f2") == false)
        #expect(thrownDescription { _ = try s.bool("bad") } == "fluent.conf:7: parameter 'bad': expected a boolean, got 'maybe'")
        #expect(thrownDescription { _ = try s.bool("caps") } == "fluent.conf:8: parameter 'caps': expected a boolean, got 'True'")
    }

    @Test(arguments: [
        ("10s", 10.0), ("5m", 300.0), ("1h", 3600.0), ("1d", 86400.0), ("0.25", 0.25), ("30", 30.0), ("0.5h", 1800.0),
    ])
    func durations(text: String, seconds: Double) throws {
        let s = try section("  d \(text)")
        #expect(try s.duration("d") == seconds)
    }

    @Test(arguments: ["250ms", "10S", "1w", "", "-5s", "s", "1.2.3"])
    func badDurations(text: String) throws {
        let s = try section("  d \(text)")
        #expect(thrownDescription { _ = try s.duration("d") }
            == "fluent.conf:2: parameter 'd': expected a duration (e.g. 30s, 5m, 1h, 1d, or seconds such as 0.25), got '\(text)'")
    }

    @Test(arguments: [
        ("8m", 8 << 20), ("512k", 512 << 10), ("1g", 1 << 30), ("1t", 1 << 40), ("2G", 2 << 30), ("4096", 4096), ("8M", 8 << 20),
    ])
    func sizes(text: String, bytes: Int) throws {
        let s = try section("  z \(text)")
        #expect(try s.size("z") == bytes)
    }

    @Test func badSizes() throws {
        let s = try section("  a 8mb\n  b 1.5m\n  c 99999999999t")
        #expect(thrownDescription { _ = try s.size("a") } == "fluent.conf:2: parameter 'a': expected a size (e.g. 512k, 8m, 1g, or a number of bytes), got '8mb'")
        #expect(thrownDescription { _ = try s.size("b") } == "fluent.conf:3: parameter 'b': expected a size (e.g. 512k, 8m, 1g, or a number of bytes), got '1.5m'")
        #expect(thrownDescription { _ = try s.size("c") } == "fluent.conf:4: parameter 'c': size out of range: '99999999999t'")
    }

    @Test func arrays() throws {
        let s = try section(#"""
          json ["a", "b"]
          short a, b ,c
          quoted "[1, 2]"
          objects [{"_SYSTEMD_UNIT": "a.service"}, {"PRIORITY": "3"}]
          notarray {"a": 1}
          empty ""
        """#)
        #expect(try s.stringArray("json") == ["a", "b"])
        #expect(try s.stringArray("short") == ["a", "b", "c"])
        #expect(try s.array("quoted") == [.number(1), .number(2)])
        let objects = try #require(try s.array("objects"))
        #expect(objects.compactMap { $0.objectMembers?.first?.key } == ["_SYSTEMD_UNIT", "PRIORITY"])
        #expect(objects[0]["_SYSTEMD_UNIT"]?.stringValue == "a.service")
        #expect(thrownDescription { _ = try s.array("notarray") } == #"fluent.conf:6: parameter 'notarray': expected an array (JSON array or comma-separated list), got '{"a": 1}'"#)
        #expect(try s.array("empty") == [])
        #expect(thrownDescription { _ = try s.stringArray("quoted") } == "fluent.conf:4: parameter 'quoted': expected an array of strings, got element 1")
    }

    @Test func hashes() throws {
        let s = try section(#"""
          json {"user_id": "integer", "paid": "bool"}
          short user_id:integer, paid:bool,note:a:b
          bad user_id
        """#)
        let json = try #require(try s.hash("json"))
        #expect(json.map(\.key) == ["user_id", "paid"])
        #expect(json[0].value == .string("integer"))
        let short = try #require(try s.hash("short"))
        #expect(short.map(\.key) == ["user_id", "paid", "note"])
        #expect(short.map(\.value.scalarText) == ["integer", "bool", "a:b"])
        #expect(thrownDescription { _ = try s.hash("bad") } == "fluent.conf:4: parameter 'bad': expected a hash (JSON object or k1:v1,k2:v2), got 'user_id': 'user_id' is not key:value")
    }

    @Test func enumerations() throws {
        let s = try section("  p openai\n  q gemini")
        let allowed = ["openai", "anthropic", "builtin"]
        #expect(try s.enumeration("p", allowed: allowed) == "openai")
        #expect(thrownDescription { _ = try s.enumeration("q", allowed: allowed) } == "fluent.conf:3: parameter 'q': expected one of openai, anthropic, builtin, got 'gemini'")
    }

    @Test func regexFlags() throws {
        let s = try section("  a /x/i\n  b /x/m\n  c /x/x\n  d /x/imx\n  e /x/g\n  f /x/ii\n  g //")
        #expect(try s.regexp("a") == ConfigRegex(pattern: "x", ignoreCase: true))
        #expect(try s.regexp("b") == ConfigRegex(pattern: "x", multiline: true))
        #expect(try s.regexp("c") == ConfigRegex(pattern: "x", extended: true))
        #expect(try s.regexp("d")?.description == "/x/imx")
        // `/x/g` is not a regex literal (g is no flag), so it is read as bare text and rejected.
        #expect(thrownDescription { _ = try s.regexp("e") } == "fluent.conf:6: parameter 'e': regular expression '/x/g' has an unknown or repeated flag 'g' (allowed: i, m, x)")
        #expect(thrownDescription { _ = try s.regexp("f") } == "fluent.conf:7: parameter 'f': regular expression '/x/ii' has an unknown or repeated flag 'i' (allowed: i, m, x)")
        #expect(thrownDescription { _ = try s.regexp("g") } == "fluent.conf:8: parameter 'g': expected a regular expression, got an empty pattern '//'")
    }

    @Test func specDrivenAccessUsesDefaults() throws {
        let s = try section("  flush_interval 5s\n  format1 /a/\n  format3 /c/\n  format2 /b/")
        let flush = ParamSpec("flush_interval", .duration, default: "60s")
        let retry = ParamSpec("retry_wait", .duration, default: "1s")
        let none = ParamSpec("nothing", .integer)
        #expect(try s.value(for: flush) == .duration(5))
        #expect(try s.value(for: retry) == .duration(1))
        #expect(try s.value(for: none) == nil)
        let family = ParamSpec(name: .numbered(prefix: "format", range: 1...20), type: .regexp)
        let formats = try s.values(for: family)
        #expect(formats.map(\.number) == [1, 2, 3])
        #expect(formats.compactMap { $0.value.regexValue?.pattern } == ["a", "b", "c"])
    }
}
