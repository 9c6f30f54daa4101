import Testing
@testable import LogShipping

@Suite struct BufferConfigTests {
    @Test func parsesFluentdParameters() throws {
        let c = try BufferConfig(parameters: [
            "@type": "file", "path": "/var/lib/fm/buf", "chunk_limit_size": "2m", "chunk_limit_records": "500",
            "total_limit_size": "1g", "flush_interval": "250ms", "retry_wait": "0.5", "retry_max_interval": "1m",
            "retry_timeout": "1h", "retry_max_times": "7", "overflow_action": "drop_oldest_chunk", "flush_thread_count": "4",
        ])
        #expect(c.type == .file)
        #expect(c.chunkLimitSize == 2 * 1024 * 1024)
        #expect(c.chunkLimitRecords == 500)
        #expect(c.totalLimitSize == 1 << 30)
        #expect(c.flushInterval == .milliseconds(250))
        #expect(c.retryWait == .milliseconds(500))
        #expect(c.retryMaxInterval == .seconds(60))
        #expect(c.retryTimeout == .seconds(3600))
        #expect(c.retryMaxTimes == 7)
        #expect(c.overflowAction == .dropOldestChunk)
        #expect(c.flushAtShutdown == false)
        #expect(c.deadLetterPath == "/var/lib/fm/buf/dead-letter.jsonl")
    }

    @Test func memoryDefaultsFollowFluentd() throws {
        let c = try BufferConfig(parameters: [:])
        #expect(c.type == .memory)
        #expect(c.flushAtShutdown)
        #expect(c.overflowAction == .throwException)
        #expect(c.totalLimitSize == 512 * 1024 * 1024)
        #expect(c.deadLetterPath == nil)
    }

    @Test(arguments: [
        (["@type": "file"], "needs a path"),
        (["chunk_limit_size": "12q"], "chunk_limit_size"),
        (["flush_interval": "soon"], "flush_interval"),
        (["overflow_action": "explode"], "overflow_action"),
        (["chunk_limit_size": "8m", "total_limit_size": "1m"], "total_limit_size"),
        (["bogus_key": "1"], "unknown parameter bogus_key"),
        (["@type": "file", "path": "relative/dir"], "must be absolute"),
    ])
    func rejectsBadParametersNamingThem(_ params: [String: String], _ expected: String) {
        do {
            _ = try BufferConfig(parameters: params)
            Issue.record("accepted \(params)")
        } catch {
            #expect(error.kind == .config)
            #expect(error.message.contains(expected), "\(error.message)")
        }
    }
}
