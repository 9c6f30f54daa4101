import Testing
@testable import FluentConfig

@Suite struct SyntaxTests {
    @Test func directivesArgumentsAndNesting() throws {
        let doc = try parse("""
        # comment line
        <source>
          @type tail
          @id in_tail_app
          @label @APP
          @log_level debug
          path /var/log/app.log
          <parse>
            @type regexp
          </parse>
        </source>
        <match app.** system.*>
          @type forward
          <buffer tag, time>
            timekey 1h
          </buffer>
        </match>
        <label @APP>
          <filter **>
            @type grep
          </filter>
        </label>
        <faultmaven>
          bind 127.0.0.1            # query port address
          <llm>
            provider openai
          </llm>
          <anomaly>
          </anomaly>
          <security>
          </security>
        </faultmaven>
        """)
        let root = doc.root
        #expect(root.sections.map(\.name) == ["source", "match", "label", "faultmaven"])
        let source = root.sections[0]
        #expect(source.type == "tail")
        #expect(source.id == "in_tail_app")
        #expect(source.label == "@APP")
        #expect(source.logLevel == "debug")
        #expect(source.location == SourceLocation(file: "fluent.conf", line: 2))
        #expect(source.section(named: "parse")?.type == "regexp")
        #expect(source.section(named: "parse")?.location.line == 8)
        let match = root.sections[1]
        #expect(match.argument == "app.** system.*")
        #expect(match.arguments == ["app.**", "system.*"])
        #expect(match.section(named: "buffer")?.arguments == ["tag", "time"])
        #expect(root.sections[2].argument == "@APP")
        #expect(root.sections[2].sections.first?.tagText == "<filter **>")
        let fm = root.sections[3]
        #expect(fm.string("bind") == "127.0.0.1")
        #expect(fm.section(named: "llm")?.string("provider") == "openai")
        #expect(fm.sections.map(\.name) == ["llm", "anomaly", "security"])
        #expect(doc.warnings.isEmpty)
    }

    @Test func bareValuesAndComments() throws {
        let doc = try parse("<a>\n  k1 hello world   \n  k2 value # comment\n  k3 a#b\n  k4\n  k5 # only a comment\n  k6 \t tabbed\t\n  k7 a#{not-embedded}\n  \"quoted key\" v8\n</a>\n")
        let a = try #require(doc.root.section(named: "a"))
        #expect(a.string("k1") == "hello world")
        #expect(a.string("k2") == "value")
        #expect(a.string("k3") == "a#b")
        #expect(a.string("k4") == "")
        #expect(a.param("k4")?.style == .empty)
        #expect(a.string("k5") == "")
        #expect(a.string("k6") == "tabbed")
        #expect(a.string("k7") == "a#{not-embedded}")
        #expect(a.string("quoted key") == "v8")
        #expect(a.param("k2")?.location.line == 3)
    }

    @Test func doubleQuotedEscapesAndMultiline() throws {
        let doc = try parse(##"""
        <a>
          e1 "quote \" backslash \\ nl \n tab \t cr \r bracket \[ hash \#{x}"
          e2 "foo
        bar" # continues on the next line
          e3 "has # inside"
          after yes
        </a>
        """##)
        let a = try #require(doc.root.section(named: "a"))
        #expect(a.string("e1") == "quote \" backslash \\ nl \n tab \t cr \r bracket [ hash #{x}")
        #expect(a.string("e2") == "foo\nbar")
        #expect(a.string("e3") == "has # inside")
        #expect(a.param("after")?.location.line == 6)
    }

    @Test func singleQuotedKeepsBackslashes() throws {
        let doc = try parse(#"""
        <a>
          s1 'it\'s'
          s2 'back\\slash'
          s3 '\d+\s'
          s4 '#{ENV["HOME"]}'
        </a>
        """#, environment: ["HOME": "/root"])
        let a = try #require(doc.root.section(named: "a"))
        #expect(a.string("s1") == "it's")
        #expect(a.string("s2") == #"back\slash"#)
        #expect(a.string("s3") == #"\d+\s"#)
        #expect(a.string("s4") == #"#{ENV["HOME"]}"#)
    }

    @Test func environmentInterpolation() throws {
        let doc = try parse(#"""
        <a>
          v1 "#{ENV["HOST_NAME"]}"
          v2 "pre-#{ENV['HOST_NAME']}-post"
          v3 "#{ENV.fetch("MISSING", "fallback")}"
          v4 "x#{ENV["MISSING"]}y"
        </a>
        """#, environment: ["HOST_NAME": "web1"])
        let a = try #require(doc.root.section(named: "a"))
        #expect(a.string("v1") == "web1")
        #expect(a.string("v2") == "pre-web1-post")
        #expect(a.string("v3") == "fallback")
        #expect(a.string("v4") == "xy")
        #expect(doc.warnings.map(\.description) == ["fluent.conf:5: warning: environment variable 'MISSING' is not set; using an empty string"])
    }

    @Test func embeddedRubyOtherThanEnvIsAnError() {
        #expect(parseError("<a>\n  host \"#{Socket.gethostname}\"\n</a>\n")
            == #"fluent.conf:2: embedded Ruby code '#{Socket.gethostname}' is not supported; only #{ENV["NAME"]} and #{ENV.fetch("NAME", "default")} are"#)
        #expect(parseError("<a>\n\n  k \"#{ENV.fetch('NOPE')}\"\n</a>")
            == "fluent.conf:3: environment variable 'NOPE' is not set (ENV.fetch without a default)")
    }

    @Test func multiLineJSONValues() throws {
        let doc = try parse("""
        <source>
          matches [
            {"_SYSTEMD_UNIT": "a.service"},  # first
            {"PRIORITY": "3"}
          ]
          hash {
            "k": "v",
            "n": 10, "s": "has # and ]"
          }
          next_line ok
        </source>
        """)
        let s = try #require(doc.root.section(named: "source"))
        let matches = try #require(try s.array("matches"))
        #expect(matches.count == 2)
        #expect(matches[0]["_SYSTEMD_UNIT"] == .string("a.service"))
        #expect(matches[1]["PRIORITY"] == .string("3"))
        #expect(s.param("matches")?.style == .json)
        #expect(s.param("matches")?.location.line == 2)
        let hash = try #require(try s.hash("hash"))
        #expect(hash.map(\.key) == ["k", "n", "s"])
        #expect(hash[1].value == .number(10))
        #expect(hash[2].value == .string("has # and ]"))
        #expect(s.string("next_line") == "ok")
        #expect(s.param("next_line")?.location.line == 10)
    }

    @Test func regexValues() throws {
        let doc = try parse(#"""
        <parse>
          r1 /^(?<host>[^ ]*) "(?<path>[^"]*)" #(?<n>\d+)$/i   # trailing comment
          r2 /a\/b/mx
          r3 /not closed
          r4 ^bare\d+$
        </parse>
        """#)
        let p = try #require(doc.root.section(named: "parse"))
        #expect(p.param("r1")?.style == .regex)
        let r1 = try #require(try p.regexp("r1"))
        #expect(r1.pattern == #"^(?<host>[^ ]*) "(?<path>[^"]*)" #(?<n>\d+)$"#)
        #expect(r1.ignoreCase && !r1.multiline && !r1.extended)
        let r2 = try #require(try p.regexp("r2"))
        #expect(r2.pattern == #"a\/b"#)
        #expect(r2.multiline && r2.extended && !r2.ignoreCase)
        #expect(p.param("r3")?.style == .bare)
        #expect(thrownDescription { _ = try p.regexp("r3") } == "fluent.conf:4: parameter 'r3': regular expression '/not closed' has no closing '/'")
        #expect(try p.regexp("r4") == ConfigRegex(pattern: #"^bare\d+$"#))
    }

    @Test func repeatedKeyKeepsLastValueWithWarning() throws {
        let doc = try parse("<a>\n  k 1\n  k 2\n</a>\n")
        let a = try #require(doc.root.section(named: "a"))
        #expect(a.params.count == 1)
        #expect(a.string("k") == "2")
        #expect(doc.warnings.map(\.description) == ["fluent.conf:3: warning: parameter 'k' is set again (first at fluent.conf:2); the last value is used"])
    }

    @Test(arguments: [
        ("<source>\n  a 1\n</match>\n", "fluent.conf:3: </match> does not match <source> opened at line 1"),
        ("<source>\n  a 1\n<parse>\n</parse>\n", "fluent.conf:1: <source> is never closed (expected </source> before the end of the file)"),
        ("a 1\n</source>\n", "fluent.conf:2: </source> closes nothing: no directive is open here"),
        ("<source\n</source>\n", "fluent.conf:1: expected '>' to close <source"),
        ("< source>\n", "fluent.conf:1: expected a directive name (letters, digits, '_') after '<'"),
        ("<a> junk\n</a>\n", "fluent.conf:1: unexpected text after <a>"),
        ("<a>\n</a> junk\n", "fluent.conf:2: unexpected text after </a>"),
        ("<a>\n  k \"v\" extra\n</a>\n", "fluent.conf:2: unexpected text after the value of 'k': 'extra'"),
        ("<a>\n  k \"unterminated\n\n", "fluent.conf:2: unterminated double-quoted string (the closing '\"' is missing)"),
        ("<a>\n\n  k 'unterminated", "fluent.conf:3: unterminated single-quoted string (the closing \"'\" is missing)"),
        ("<a>\n  k [1, 2,\n  3\n", "fluent.conf:2: unterminated JSON array for 'k' (its brackets are not closed before the end of the file)"),
        ("<a>\n  k [a-z]+\n</a>\n", "fluent.conf:2: invalid JSON array for 'k': unexpected character 'a' in JSON (a value starting with '[' is read as JSON; quote it to use it as text)"),
        ("<a>\n  k {\"a\": 1]\n</a>\n", "fluent.conf:2: mismatched ']' in the JSON hash for 'k'"),
        ("<a>\n  k \"bad \\d escape\"\n</a>\n", "fluent.conf:2: unknown escape '\\d' in a double-quoted string (write '\\\\' for a backslash, or use single quotes)"),
        ("<a>\n  k \"#{ENV[\"X\"]\"\n", "fluent.conf:2: unterminated embedded code '#{' (the closing '}' is missing)"),
        ("<a>\n  \"key\"value\n</a>\n", "fluent.conf:2: expected a blank after the parameter name 'key'"),
    ])
    func syntaxErrorsNameTheLine(input: String, expected: String) {
        #expect(parseError(input) == expected)
    }

    @Test func errorCarriesDiagnostic() throws {
        do {
            _ = try parse("<a>\n  x 1\n</b>\n")
            Issue.record("expected an error")
        } catch let error as FluentConfigError {
            #expect(error.diagnostic.severity == .error)
            #expect(error.diagnostic.location == SourceLocation(file: "fluent.conf", line: 3))
            #expect(error.diagnostic.message == "</b> does not match <a> opened at line 1")
        }
    }

    @Test func diagnosticDescriptions() {
        let loc = SourceLocation(file: "/etc/fluent.conf", line: 12)
        #expect(Diagnostic.error("bad", at: loc).description == "/etc/fluent.conf:12: bad")
        #expect(Diagnostic.warning("odd", at: loc).description == "/etc/fluent.conf:12: warning: odd")
        #expect(FluentConfigError(Diagnostic.warning("forced", at: loc)).description == "/etc/fluent.conf:12: forced")
        #expect(SourceLocation(file: "x.conf", line: 0).description == "x.conf")
    }

    @Test func crlfLineEndingsAndBOM() throws {
        let doc = try parse("\u{FEFF}<a>\r\n  k v\r\n  q \"x\"\r\n</a>\r\n")
        let a = try #require(doc.root.section(named: "a"))
        #expect(a.string("k") == "v")
        #expect(a.string("q") == "x")
        #expect(a.param("q")?.location.line == 3)
    }
}
