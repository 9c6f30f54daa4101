import Testing
@testable import FluentConfig

/// Real configurations written by others (see the first line of each fixture for its source).
@Suite struct FixtureTests {
    @Test func everyFixtureNamesItsSource() throws {
        for name in ["fluentd-example-in_tail", "fluentd-example-out_forward", "fluentd-example-v1_literal", "docs-parser-multiline",
                     "docs-buffer-section", "docs-output-forward", "systemd-readme", "docs-config-file-label"] {
            let first = try fixtureText(name).split(separator: "\n").first.map(String.init) ?? ""
            #expect(first.hasPrefix("# Source: "), "\(name) lacks a source line")
        }
    }

    @Test func fluentdExampleInTail() throws {
        let doc = try parseFixture("fluentd-example-in_tail")
        #expect(doc.root.sections.map(\.tagText) == ["<source>", "<match test>"])
        let source = doc.root.sections[0]
        #expect(source.type == "tail")
        #expect(source.string("path") == "/var/log/fluentd_test.log")
        #expect(try source.duration("rotate_wait") == 5)
        #expect(try source.bool("read_from_head") == true)
        #expect(try source.integer("refresh_interval") == 60)
        #expect(source.location.line == 2)
        #expect(doc.root.sections[1].type == "stdout")
    }

    @Test func fluentdExampleOutForward() throws {
        let doc = try parseFixture("fluentd-example-out_forward")
        let match = try #require(doc.root.section(named: "match"))
        #expect(match.argument == "test")
        #expect(match.type == "forward")
        let servers = match.sections(named: "server")
        #expect(servers.count == 1)
        #expect(servers[0].string("host") == "127.0.0.1")
        #expect(try servers[0].integer("port") == 24224)
        #expect(try match.duration("flush_interval") == 0)
        #expect(try match.enumeration("heartbeat_type", allowed: ["transport", "tcp", "udp", "none"]) == "udp")
        #expect(match.string("expire_dns_cache") == "nil")
        #expect(try match.bool("phi_failure_detector") == true)
        #expect(match.param("phi_failure_detector")?.location.line == 35)
    }

    @Test func fluentdLiteralExample() throws {
        let doc = try parseFixture("fluentd-example-v1_literal")
        let s1 = try #require(doc.root.section(named: "section1"))
        #expect(s1.string("key1") == "text")
        #expect(s1.string("key2") == "'")
        #expect(s1.string("key3") == "\\")
        #expect(s1.string("key4") == "\\t")
        #expect(s1.string("key5") == "\\[")
        #expect(s1.string("key6") == "\\[")
        #expect(s1.string("key7") == "#t")
        #expect(s1.string("key8") == "\\#{test}")
        #expect(s1.string("key9") == "#{test}")
        #expect(s1.string("key10") == #"\[(?<time>[^\]]*)\] (?<message>.*)"#)
        let s2 = try #require(doc.root.section(named: "section2"))
        #expect(s2.string("key1") == "text")
        #expect(s2.string("key2") == "\"")
        #expect(s2.string("key3") == "\\")
        #expect(s2.string("key4") == "\t")
        #expect(s2.string("key5") == "[")
        #expect(s2.string("key6") == "\\[")
        #expect(s2.string("key7") == "#t")
        #expect(s2.string("key8") == "#{test}")
        #expect(s2.string("key10") == #"\[(?<time>[^\]]*)\] (?<message>.*)"#)
        #expect(s2.param("key9") == nil)
    }

    @Test func docsMultilineParser() throws {
        let doc = try parseFixture("docs-parser-multiline")
        let sources = doc.root.sections(named: "source")
        #expect(sources.count == 2)
        let rails = try #require(sources[0].section(named: "parse"))
        #expect(rails.type == "multiline")
        #expect(try rails.regexp("format_firstline") == ConfigRegex(pattern: "^Started"))
        let family = ParamSpec(name: .numbered(prefix: "format", range: 1...20), type: .regexp)
        let formats = try rails.values(for: family)
        #expect(formats.map(\.number) == [1, 2, 3, 4, 5])
        #expect(formats[0].value.regexValue?.pattern == #"Started (?<method>[^ ]+) "(?<path>[^"]+)" for (?<host>[^ ]+) at (?<time>[^ ]+ [^ ]+ [^ ]+)\n"#)
        #expect(formats[2].value.regexValue?.pattern == #"(  Parameters: (?<parameters>[^ ]+)\n)?"#)
        #expect(rails.param("format5")?.style == .regex)
        let java = try #require(sources[1].section(named: "parse"))
        #expect(try java.regexp("format_firstline")?.pattern == #"\d{4}-\d{1,2}-\d{1,2}"#)
        #expect(try java.regexp("format1")?.pattern.hasSuffix(#"(?<level>[^\s]+)(?<message>.*)"#) == true)
    }

    @Test func docsBufferSection() throws {
        let doc = try parseFixture("docs-buffer-section")
        let matches = doc.root.sections(named: "match")
        #expect(matches.map(\.argument) == ["tag.**", "log.*", "empty.**"])
        #expect(matches[0].string("path") == "/data/${tag[1]}/access.%Y-%m-%d.%H%M.log")
        let b0 = try #require(matches[0].section(named: "buffer"))
        #expect(b0.arguments == ["time"])
        #expect(try b0.duration("timekey") == 3600)
        #expect(try b0.duration("timekey_wait") == 300)
        let b1 = try #require(matches[1].section(named: "buffer"))
        #expect(b1.arguments == ["tag", "time", "key1"])
        #expect(b1.type == "file")
        #expect(matches[2].section(named: "buffer")?.argument == "[]")
    }

    @Test func docsOutputForward() throws {
        let doc = try parseFixture("docs-output-forward")
        let match = try #require(doc.root.section(named: "match"))
        #expect(try match.duration("send_timeout") == 60)
        let servers = match.sections(named: "server")
        #expect(servers.map { $0.string("name") } == ["myserver1", "myserver2"])
        #expect(try servers.map { try $0.integer("weight") } == [60, 60])
        #expect(try servers[1].bool("standby") == true)
        #expect(try servers[0].bool("standby") == nil)
        #expect(match.section(named: "secondary")?.type == "file")
    }

    @Test func systemdReadme() throws {
        let doc = try parseFixture("systemd-readme")
        let source = try #require(doc.root.section(named: "source"))
        #expect(source.type == "systemd")
        let matches = try #require(try source.array("matches"))
        #expect(matches == [.object([("_SYSTEMD_UNIT", .string("kubelet.service"))])])
        #expect(try source.bool("read_from_head") == true)
        #expect(source.section(named: "storage")?.type == "local")
        #expect(source.section(named: "storage")?.string("path") == "/var/log/fluentd-journald-kubelet-cursor.json")
        #expect(try source.section(named: "entry")?.bool("fields_lowercase") == true)
        let filter = try #require(doc.root.section(named: "filter"))
        #expect(filter.argument == "kube-proxy")
        let fieldMap = try #require(try filter.hash("field_map"))
        #expect(fieldMap.map(\.key) == ["MESSAGE", "_PID", "_CMDLINE", "_COMM"])
        #expect(fieldMap[1].value == .array([.string("process"), .string("pid")]))
        #expect(doc.root.section(named: "system")?.string("root_dir") == "/var/log/fluentd")
    }

    @Test func docsLabelExample() throws {
        let doc = try parseFixture("docs-config-file-label")
        #expect(doc.root.sections.map(\.tagText) == ["<system>", "<source>", "<source>", "<filter access.**>", "<match **>", "<label @SYSTEM>"])
        let system = doc.root.sections[0]
        #expect(system.string("log_level") == "error")
        #expect(try system.bool("without_source") == true)
        #expect(doc.root.sections[2].label == "@SYSTEM")
        #expect(doc.root.sections[3].section(named: "record")?.params.isEmpty == true)
        let label = doc.root.sections[5]
        #expect(label.sections.map(\.tagText) == ["<filter var.log.middleware.**>", "<match **>"])
        #expect(label.sections.map { $0.type } == ["grep", "s3"])
    }
}
