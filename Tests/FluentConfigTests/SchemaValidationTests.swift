import Testing
@testable import FluentConfig

@Suite struct SchemaValidationTests {
    /// Example schemas like the agent registers for its plugins.
    static func registry() -> SchemaRegistry {
        let parse = SectionSpec("parse", params: [
            ParamSpec("time_key", .string, default: "time"),
            ParamSpec("types", .hash),
        ], requiresType: true)
        let buffer = SectionSpec("buffer", params: [
            ParamSpec("flush_interval", .duration, default: "60s"),
            ParamSpec("chunk_limit_size", .size, default: "8m"),
        ])
        var registry = SchemaRegistry(root: SectionSpec("ROOT", sections: [
            SectionSpec("source", requiresType: true),
            SectionSpec("match", requiresType: true),
            SectionSpec("filter", requiresType: true),
            SectionSpec("system", params: [ParamSpec("log_level", .enumeration(["trace", "debug", "info", "warn", "error", "fatal"]))]),
            SectionSpec("label", sections: [SectionSpec("filter", requiresType: true), SectionSpec("match", requiresType: true)]),
        ]))
        registry.register(SectionSpec("source", params: [
            ParamSpec("path", .string, required: true, doc: "files to follow"),
            ParamSpec("pos_file", .string),
            ParamSpec("tag", .string, required: true),
            ParamSpec("read_from_head", .bool, default: "false"),
            ParamSpec("refresh_interval", .duration, default: "60s"),
        ], sections: [parse]), type: "tail")
        registry.register(SectionSpec("source", params: [
            ParamSpec("path", .string, default: "/var/log/journal"),
            ParamSpec("matches", .array),
            ParamSpec("tag", .string, required: true),
            ParamSpec("read_from_head", .bool, default: "false"),
        ], sections: [SectionSpec("storage", allowsUnknownParams: true), SectionSpec("entry", allowsUnknownParams: true)]), type: "systemd")
        registry.register(SectionSpec("parse", params: [ParamSpec("expression", .regexp, required: true)]), type: "regexp")
        registry.register(SectionSpec("parse", params: [
            ParamSpec("format_firstline", .regexp),
            ParamSpec(name: .numbered(prefix: "format", range: 1...20), type: .regexp, required: true),
        ]), type: "multiline")
        registry.register(SectionSpec("parse"), type: "json")
        registry.register(SectionSpec("match", sections: [buffer]), type: "stdout")
        registry.register(SectionSpec("match", allowsUnknownParams: true, allowsUnknownSections: true), type: "forward")
        registry.register(SectionSpec("filter", params: [ParamSpec("pattern", .regexp)]), type: "grep")
        return registry
    }

    private func validate(_ text: String) throws -> [String] {
        let doc = try parse(text)
        return SchemaValidator(registry: Self.registry()).validate(doc.root).map(\.description)
    }

    @Test func validConfigHasNoFindings() throws {
        let found = try validate("""
        <system>
          log_level warn
        </system>
        <source>
          @type tail
          @id app
          path /var/log/app.log
          tag app
          read_from_head yes
          <parse>
            @type multiline
            format_firstline /^\\d{4}/
            format1 /^(?<time>\\S+) (?<msg>.*)/
            format2 /(?<rest>.*)/m
          </parse>
        </source>
        <source>
          @type systemd
          tag journal
          matches [{"_SYSTEMD_UNIT": "a.service"}, {"PRIORITY": "3"}]
          <storage>
            @type local
            persistent false
          </storage>
        </source>
        <match **>
          @type stdout
          <buffer>
            flush_interval 5s
            chunk_limit_size 512k
          </buffer>
        </match>
        """)
        #expect(found == [])
    }

    @Test func unknownParameterSuggestsTheClosestName() throws {
        let found = try validate("<source>\n  @type tail\n  pathh /var/log/a.log\n  tag a\n  path /x\n  zzzzzz 1\n</source>\n")
        #expect(found == [
            "fluent.conf:3: warning: unknown parameter 'pathh' in <source> (did you mean 'path'?)",
            "fluent.conf:6: warning: unknown parameter 'zzzzzz' in <source>",
        ])
    }

    @Test func wrongValueTypesAreErrors() throws {
        let found = try validate("""
        <source>
          @type tail
          path /a
          tag a

          refresh_interval 250ms
          read_from_head maybe
        </source>
        <system>
          log_level loud
        </system>
        """)
        #expect(found == [
            "fluent.conf:6: parameter 'refresh_interval': expected a duration (e.g. 30s, 5m, 1h, 1d, or seconds such as 0.25), got '250ms'",
            "fluent.conf:7: parameter 'read_from_head': expected a boolean, got 'maybe'",
            "fluent.conf:10: parameter 'log_level': expected one of trace, debug, info, warn, error, fatal, got 'loud'",
        ])
    }

    @Test func missingRequiredParametersAndTypeNameTheDirectiveLine() throws {
        let found = try validate("""
        <system>
        </system>
        <source>
          @type tail
          <parse>
            @type multiline
            format_firstline /x/
          </parse>
          <parse>
          </parse>
        </source>
        <match a>
        </match>
        """)
        #expect(found == [
            "fluent.conf:3: missing required parameter 'path' in <source>",
            "fluent.conf:3: missing required parameter 'tag' in <source>",
            "fluent.conf:5: <parse> needs at least one of format1…format20",
            "fluent.conf:9: missing '@type' in <parse>",
            "fluent.conf:12: missing '@type' in <match>",
        ])
    }

    @Test func numberedFamilyMatchesOnlyItsRange() throws {
        let family = ParamName.numbered(prefix: "format", range: 1...20)
        #expect(family.matches("format1") && family.matches("format20"))
        #expect(!family.matches("format0") && !family.matches("format21") && !family.matches("format01") && !family.matches("format"))
        #expect(!family.matches("formatx"))
        let found = try validate("<source>\n  @type tail\n  path /a\n  tag a\n  <parse>\n    @type multiline\n    format1 /a/\n    format21 /b/\n  </parse>\n</source>\n")
        #expect(found == ["fluent.conf:8: warning: unknown parameter 'format21' in <parse> (format1…format20 are accepted)"])
    }

    @Test func unknownSectionsDirectivesAndTypesAreWarnings() throws {
        let found = try validate("""
        <match **>
          @type stdout
          <bufer>
          </bufer>
        </match>
        <sourse>
        </sourse>
        <source>
          @type tial
        </source>
        <source>
          @type tail
          path /a
          tag a
          <parse>
            @type regexp
            expresion /x/
            expression /x/
            @tyep x
          </parse>
        </source>
        """)
        #expect(found == [
            "fluent.conf:3: warning: unknown section <bufer> in <match> (did you mean <buffer>?)",
            "fluent.conf:6: warning: unknown directive <sourse> (did you mean <source>?)",
            "fluent.conf:9: warning: unknown @type 'tial' in <source> (did you mean 'tail'?)",
            "fluent.conf:17: warning: unknown parameter 'expresion' in <parse> (did you mean 'expression'?)",
            "fluent.conf:19: warning: unknown parameter '@tyep' in <parse> (did you mean '@type'?)",
        ])
    }

    @Test func labelNestingLegacyTypeAndPermissiveSpecs() throws {
        let found = try validate("""
        <label @APP>
          <filter **>
            @type grep
            pattern /err/i
          </filter>
          <match **>
            @type forward
            anything goes
            <server>
              host 127.0.0.1
            </server>
          </match>
        </label>
        <source>
          type systemd
          tag j
          <storage>
            whatever 1
          </storage>
        </source>
        """)
        #expect(found == ["fluent.conf:15: warning: parameter 'type' in <source> is the old spelling of '@type'"])
    }

    @Test func registryLookupAndDirectValidation() {
        let registry = Self.registry()
        #expect(registry.types(for: "parse") == ["json", "multiline", "regexp"])
        #expect(registry.spec(directive: "source", type: "tail")?.param(for: "path")?.required == true)
        #expect(registry.spec(directive: "source", type: "nope") == nil)
        #expect(registry.knows(directive: "filter") && !registry.knows(directive: "worker"))

        let spec = SectionSpec("faultmaven", params: [ParamSpec("port", .integer, default: "9797")],
                               sections: [SectionSpec("llm", params: [ParamSpec("timeout", .duration)])])
        let section = ConfigSection(
            name: "faultmaven",
            params: [ConfigParam(name: "port", value: "http", style: .bare, location: SourceLocation(file: "f.conf", line: 2))],
            sections: [ConfigSection(name: "llm", params: [ConfigParam(name: "timeout", value: "30s", style: .bare, location: SourceLocation(file: "f.conf", line: 4))],
                                     location: SourceLocation(file: "f.conf", line: 3))],
            location: SourceLocation(file: "f.conf", line: 1))
        let found = SchemaValidator(registry: SchemaRegistry()).validate(section, against: spec)
        #expect(found.map(\.description) == ["f.conf:2: parameter 'port': expected an integer, got 'http'"])
        #expect(found.first?.severity == .error)
    }

    @Test func editDistance() {
        #expect(EditDistance.distance("pathh", "path", limit: 3) == 1)
        #expect(EditDistance.distance("kitten", "sitting", limit: 3) == 3)
        #expect(EditDistance.distance("tial", "tail", limit: 1) == 1)
        #expect(EditDistance.distance("abc", "xyz123", limit: 2) == nil)
        #expect(EditDistance.suggestion(for: "read_form_head", among: ["read_from_head", "path"]) == "read_from_head")
        #expect(EditDistance.suggestion(for: "xyz", among: ["path", "tag"]) == nil)
    }
}
