import Foundation
import LogShipping
import Testing
@testable import FaultMavenAgent

/// `<match> @type http|file` with `<buffer>`: read into LogShipping's configs, errors at file:line.
@Suite struct ShipConfigTests {
    static let source = """
        <source>
          @type tail
          path /var/log/app.log
          tag app
        </source>

        """

    @Test func httpOutputWithFileBufferIsRead() throws {
        let r = try ConfigLoaderTests.check(Self.source + """
            <match app.**>
              @type http
              endpoint https://logs.example.com/ingest
              http_method put
              compress zstd
              zstd_level 1
              json_array true
              content_type application/vnd.test+json
              headers {"X-Team":"ops"}
              retryable_response_codes 409,423
              open_timeout 3s
              <auth>
                method basic
                username u
                password p
              </auth>
              <format>
                @type json
              </format>
              <buffer tag>
                @type file
                path /var/lib/fm/buffer
                chunk_limit_size 1m
                flush_interval 2s
                retry_wait 0.5s
                retry_max_interval 30s
              </buffer>
            </match>
            <match **>
              @type stdout
            </match>

            """)
        #expect(r.errors.isEmpty && r.warnings.isEmpty, "\(r.all)")
        let outputs = try #require(r.config?.outputs)
        #expect(outputs.count == 2 && outputs[1].kind == .stdout)
        let target = try #require(outputs[0].ship)
        #expect(target.type == "http" && target.name == "http_1")
        let http = try #require(target.output as? HTTPOutput)
        #expect(http.config.method == "PUT" && http.config.compress == .zstd && http.config.zstdLevel == 1)
        #expect(http.config.encoding.framing == .jsonArray && http.config.connectTimeout == .seconds(3))
        #expect(http.config.auth == .basic(username: "u", password: "p"))
        #expect(http.config.headers.contains { $0 == ("X-Team", "ops") })
        #expect(http.config.headers.contains { $0 == ("Content-Type", "application/vnd.test+json") })
        #expect(http.config.extraRetryableStatus == [409, 423])
        #expect(target.buffer.type == .file && target.buffer.path == "/var/lib/fm/buffer")
        #expect(target.buffer.chunkLimitSize == 1 << 20 && target.buffer.flushInterval == .seconds(2))
        #expect(target.buffer.retryWait == .milliseconds(500) && target.buffer.overflowAction == .block)
        #expect(outputs[0].pattern.matches("app.web") && !outputs[0].pattern.matches("other"))
    }

    @Test func fileOutputDefaultsToAMemoryBuffer() throws {
        let r = try ConfigLoaderTests.check(Self.source + """
            <match app>
              @type file
              @id archive
              path /var/log/fm/archive.jsonl
              compress zstd
              rotate_size 64m
              max_files 3
            </match>

            """)
        #expect(r.errors.isEmpty, "\(r.all)")
        let target = try #require(r.config?.outputs.first?.ship)
        let file = try #require(target.output as? FileOutput)
        #expect(target.name == "archive" && file.config.rotateSize == 64 << 20 && file.config.maxFiles == 3)
        #expect(target.buffer.type == .memory && target.buffer.flushAtShutdown)
    }

    @Test func forwardOutputTakesFluentdParametersAndAServerSection() throws {
        let r = try ConfigLoaderTests.check(Self.source + """
            <match app>
              @type forward
              require_ack_response true
              ack_response_timeout 30s
              compress gzip
              <server>
                host 127.0.0.1
                port 24225
              </server>
              <buffer>
                flush_interval 2s
              </buffer>
            </match>

            """)
        #expect(r.errors.isEmpty && r.warnings.isEmpty, "\(r.all)")
        let target = try #require(r.config?.outputs.first?.ship)
        let forward = try #require(target.output as? ForwardOutput)
        #expect(target.name == "forward_1")
        #expect(forward.config.host == "127.0.0.1" && forward.config.port == 24225)
        #expect(forward.config.requireAckResponse && forward.config.gzip)
        #expect(forward.config.ackResponseTimeout == .seconds(30))

        let bad = try ConfigLoaderTests.check(Self.source + """
            <match app>
              @type forward
              host a
              <server>
                host b
              </server>
            </match>
            <match other>
              @type forward
            </match>

            """)
        #expect(bad.all.contains { $0.hasPrefix("fluent.conf:10:") && $0.contains("not both") }, "\(bad.all)")
        #expect(bad.all.contains { $0.hasPrefix("fluent.conf:13:") && $0.contains("host") }, "\(bad.all)")
    }

    @Test func errorsNameTheLineAtFault() throws {
        let r = try ConfigLoaderTests.check(Self.source + """
            <match a>
              @type http
              endpoint ftp://example.com/x
            </match>
            <match b>
              @type http
              endpoint http://127.0.0.1:1/x
              compress brotli
            </match>
            <match c>
              @type file
              path /tmp/out.jsonl
              <buffer>
                @type file
              </buffer>
            </match>
            <match d>
              @type http
              endpoint http://127.0.0.1:1/x
              <auth>
                method bearer
              </auth>
            </match>
            <match e>
              @type file
              path /tmp/e.jsonl
              <format>
                @type ltsv
              </format>
            </match>

            """)
        #expect(r.all.contains { $0.hasPrefix("fluent.conf:8:") && $0.contains("endpoint") }, "\(r.all)")
        #expect(r.all.contains { $0.hasPrefix("fluent.conf:13:") && $0.contains("compress") }, "\(r.all)")
        #expect(r.all.contains { $0.hasPrefix("fluent.conf:18:") && $0.contains("path") }, "\(r.all)")
        #expect(r.all.contains { $0.hasPrefix("fluent.conf:25:") && $0.contains("token") }, "\(r.all)")
        #expect(r.all.contains { $0.hasPrefix("fluent.conf:32:") && $0.contains("ltsv") }, "\(r.all)")
        #expect(r.config == nil)
    }

    @Test func outputNamesAndBufferPathsAreUnique() throws {
        let r = try ConfigLoaderTests.check(Self.source + """
            <match a>
              @type http
              @id central
              endpoint http://127.0.0.1:1/x
              <buffer>
                @type file
                path /tmp/fm-buf
              </buffer>
            </match>
            <match b>
              @type http
              @id central
              endpoint http://127.0.0.1:1/y
            </match>
            <match c>
              @type file
              path /tmp/c.jsonl
              <buffer>
                @type file
                path /tmp/fm-buf
              </buffer>
            </match>

            """)
        #expect(r.all.contains { $0.hasPrefix("fluent.conf:15:") && $0.contains("'central' is already used") }, "\(r.all)")
        #expect(r.all.contains { $0.hasPrefix("fluent.conf:23:") && $0.contains("/tmp/fm-buf is already used") }, "\(r.all)")
    }

    @Test func unsupportedChunkKeysAndUnknownParametersWarn() throws {
        let r = try ConfigLoaderTests.check(Self.source + """
            <match app>
              @type http
              endpoint http://127.0.0.1:1/x
              compres zstd
              <buffer tag, time>
                timekey 1h
              </buffer>
            </match>

            """)
        #expect(r.errors.isEmpty, "\(r.all)")
        #expect(r.all.contains { $0.hasPrefix("fluent.conf:9:") && $0.contains("did you mean 'compress'") }, "\(r.all)")
        #expect(r.all.contains { $0.hasPrefix("fluent.conf:10:") && $0.contains("chunk keys time") }, "\(r.all)")
    }
}
