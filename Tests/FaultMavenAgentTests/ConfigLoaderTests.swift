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
              @type kafka
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
            "fluent.conf:10: warning: <match> @type 'kafka' is not supported yet (supported: stdout, null, http, file, forward); records matching 'app.**' are not shipped",
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

    @Test func llmSectionIsReadAndCheckedAtItsLines() throws {
        let ok = try Self.check("""
            <faultmaven>
              <llm>
                provider openai
                base_url http://127.0.0.1:8199/v1
                model smollm2
                max_retries 1
                requests_per_hour 100
                context_tokens 3000
                redact_ips true
                log_summary_prompt Summarize the incident in one sentence.
              </llm>
            </faultmaven>

            """)
        #expect(ok.errors.isEmpty, "\(ok.all)")
        let llm = try #require(ok.config?.llm)
        #expect(llm.provider == "openai" && llm.settings?.model == "smollm2")
        #expect(llm.settings?.resilience.maxAttempts == 2 && llm.settings?.resilience.requestsPerHour == 100)
        #expect(llm.contextTokens == 3000 && llm.redactIPs && !llm.redactEmails)
        #expect(llm.prompts[.logSummary] == "Summarize the incident in one sentence.")

        for (body, message) in [
            ("provider anthropic\n    model claude", "fluent.conf:3: <llm>: provider anthropic needs 'api_key_env'"),
            ("provider openai", "fluent.conf:3: <llm>: provider openai needs 'model'"),
            ("provider openai\n    model m\n    api_key_env FM_SURELY_UNSET_VARIABLE", "fluent.conf:5: <llm>: "),
            ("provider openai\n    model m\n    base_url ftp://x", "fluent.conf:5: <llm>: base_url"),
            ("provider builtin\n    temperature 7", "fluent.conf:4: temperature must be between 0 and 2"),
            ("provider gemini", "fluent.conf:3:"),
        ] {
            let r = try Self.check("<faultmaven>\n  <llm>\n    \(body)\n  </llm>\n</faultmaven>\n")
            let errors = r.all.filter { !$0.contains(": warning: ") }
            #expect(errors.count == 1 && errors.first?.hasPrefix(message) == true, "\(body): \(r.all)")
        }
    }

    @Test func anAPIKeyIsNeverPrinted() throws {
        let dir = NSTemporaryDirectory() + "fm-key-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "sk-live-DO-NOT-PRINT-1234\n".write(toFile: dir + "/key", atomically: true, encoding: .utf8)
        let r = try Self.check("<faultmaven>\n  <llm>\n    provider openai\n    model m\n    api_key_file \(dir)/key\n  </llm>\n</faultmaven>\n")
        #expect(r.errors.isEmpty, "\(r.all)")
        let settings = try #require(r.config?.llm.settings)
        var dumped = ""
        dump(settings, to: &dumped)
        #expect(!dumped.contains("DO-NOT-PRINT") && !String(reflecting: settings).contains("DO-NOT-PRINT"))
        #expect(!r.all.joined().contains("DO-NOT-PRINT"))
    }
}

@Suite struct ConfigReferenceTests {
    @Test func docsMatchTheDeclarations() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let doc = try String(contentsOf: root.appendingPathComponent("docs/CONFIGURATION.md"), encoding: .utf8)
        #expect(doc == ConfigReference.markdown(), "regenerate with: faultmaven config-reference > docs/CONFIGURATION.md")
    }
}
