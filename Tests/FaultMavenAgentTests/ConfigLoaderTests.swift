import Foundation
import Testing
@testable import FaultMavenAgent

@Suite struct ConfigLoaderTests {
    static func check(_ text: String) throws -> ConfigLoader.CheckResult {
        let dir = NSTemporaryDirectory() + "fm-cfg-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try text.write(toFile: dir + "/fluent.conf", atomically: true, encoding: .utf8)
        var r = ConfigLoader.check(path: dir + "/fluent.conf")
        // Make messages independent of the temp path.
        r.all = r.all.map { $0.replacingOccurrences(of: dir + "/", with: "") }
        return r
    }

    @Test func bundledDemoConfigIsValid() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let r = ConfigLoader.check(path: root.appendingPathComponent("fluent.conf").path)
        #expect(r.errors.isEmpty && r.warnings.isEmpty, "\(r.all)")
        let c = try #require(r.config)
        #expect(c.sources.map(\.id) == ["checkout", "payments", "nginx"])
        #expect(c.sources[0].parser.type == .regexp)
        #expect(c.sources[0].parser.timeFormat == "%Y-%m-%d %H:%M:%S,%L")
        #expect(c.sources[1].parser.timeKey == "ts")
        #expect(c.sources[2].tail?.excludePaths == ["/tmp/faultmaven-demo/*.pos"])
        #expect(c.analysis.newPattern.warmupDuration == 15)
    }

    @Test func tailParametersAreRead() throws {
        let r = try Self.check("""
            <source>
              @type tail
              path /var/log/a.log, /var/log/b/*.log
              pos_file /tmp/x.pos
              tag app.*
              read_from_head true
              rotate_wait 10s
              refresh_interval 1m
              max_line_size 1k
              path_key file
              <parse>
                @type multiline
                format_firstline /^\\d{4}/
                format1 /^(?<time>\\S+) (?<message>.*)/
              </parse>
            </source>
            <match app.**>
              @type stdout
            </match>

            """)
        #expect(r.errors.isEmpty, "\(r.all)")
        let s = try #require(r.config?.sources.first?.tail)
        let src = try #require(r.config?.sources.first)
        #expect(s.paths == ["/var/log/a.log", "/var/log/b/*.log"])
        #expect(s.readFromHead && s.rotateWait == 10 && s.refreshInterval == 60)
        #expect(s.maxLineSize == 1024 && src.parser.maxLineBytes == 1024)
        #expect(s.pathKey == "file" && s.tag == "app.*")
        #expect(src.parser.type == .multiline && src.parser.formats == [#"^(?<time>\S+) (?<message>.*)"#])
        #expect(r.config?.outputs.first?.kind == .stdout)
        #expect(r.config?.outputs.first?.pattern.matches("app.web") == true)
    }

    @Test func everyProblemIsReportedInOnePassInLineOrder() throws {
        let r = try Self.check("""
            <source>
              @type tail
              pathh /var/log/app.log
              read_from_head maybe
            </source>
            <source>
              @type http
              port 8888
            </source>
            <match app.**>
              @type forward
            </match>
            <faultmaven>
              bind 0.0.0.0
              <llm>
                provider openai
              </llm>
            </faultmaven>

            """)
        #expect(r.config == nil)
        #expect(r.all == [
            "fluent.conf:1: missing required parameter 'path' in <source>",
            "fluent.conf:3: warning: unknown parameter 'pathh' in <source> (did you mean 'path'?)",
            "fluent.conf:4: parameter 'read_from_head': expected a boolean, got 'maybe'",
            "fluent.conf:6: warning: <source> @type 'http' is not supported yet (supported: tail, systemd); this source is skipped",
            "fluent.conf:10: warning: <match> @type 'forward' is not supported yet (supported: stdout, null, http, file); records matching 'app.**' are not shipped",
            "fluent.conf:14: bind 0.0.0.0: only loopback addresses are allowed until <security> (tokens, TLS) is supported",
        ], "\(r.all)")
    }

    @Test func systemdSourceTakesFluentPluginSystemdParameters() throws {
        let r = try Self.check("""
            <source>
              @type systemd
              tag journal.app
              path /var/log/journal
              matches [{"_SYSTEMD_UNIT": "app.service", "PRIORITY": "3"}, {"_SYSTEMD_UNIT": "db.service"}]
              read_from_head true
              <storage>
                @type local
                path /var/lib/faultmaven/journal.json
              </storage>
              <entry>
                field_map {"_HOSTNAME": "host", "_PID": ["process", "pid"]}
                fields_strip_underscores true
                fields_lowercase true
              </entry>
            </source>

            """)
        #expect(r.errors.isEmpty && r.warnings.isEmpty, "\(r.all)")
        guard case .journal(let j) = try #require(r.config?.sources.first).input else {
            Issue.record("not a journal source")
            return
        }
        #expect(j.tag == "journal.app" && j.readFromHead)
        #expect(j.matches == [["_SYSTEMD_UNIT": "app.service", "PRIORITY": "3"], ["_SYSTEMD_UNIT": "db.service"]])
        #expect(j.cursorFile == "/var/lib/faultmaven/journal.json")
        #expect(j.fieldMap == ["_HOSTNAME": ["host"], "_PID": ["process", "pid"]])
        #expect(j.fieldsStripUnderscores && j.fieldsLowercase)
    }

    @Test func badMatchesAreAnError() throws {
        let r = try Self.check("<source>\n  @type systemd\n  matches [\"app.service\"]\n</source>\n")
        #expect(r.all.first?.hasPrefix("fluent.conf:3: 'matches' must be an array of hashes") == true, "\(r.all)")
    }

    @Test func badRegexpIsAnErrorAtItsSection() throws {
        let r = try Self.check("""
            <source>
              @type tail
              path /x.log
              <parse>
                @type regexp
                expression /^(?<a>[/
              </parse>
            </source>

            """)
        #expect(r.all.count == 1)
        #expect(r.all.first?.hasPrefix("fluent.conf:4: invalid regexp") == true, "\(r.all)")
    }

    @Test func unsupportedLLMProviderIsAWarning() throws {
        let r = try Self.check("<faultmaven>\n  <llm>\n    provider anthropic\n  </llm>\n</faultmaven>\n")
        #expect(r.errors.isEmpty)
        #expect(r.all.contains("fluent.conf:3: warning: LLM provider 'anthropic' is not supported yet; the built-in knowledge base answers"), "\(r.all)")
    }
}

@Suite struct ConfigReferenceTests {
    @Test func docsMatchTheDeclarations() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let doc = try String(contentsOf: root.appendingPathComponent("docs/CONFIGURATION.md"), encoding: .utf8)
        #expect(doc == ConfigReference.markdown(), "regenerate with: faultmaven config-reference > docs/CONFIGURATION.md")
    }
}
