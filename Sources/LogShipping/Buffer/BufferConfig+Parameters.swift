extension BufferConfig {
    /// Fluentd `<buffer>` parameters that are accepted and have no effect here.
    public static let ignoredParameters: Set<String> = [
        "flush_mode", "flush_thread_count", "flush_thread_interval", "flush_thread_burst_interval",
        "chunk_full_threshold", "queued_chunks_limit_size", "compress", "delayed_commit_timeout",
        "disable_chunk_backup", "retry_type", "retry_secondary_threshold", "queue_limit_length",
        "timekey", "timekey_wait", "timekey_use_utc", "timekey_zone",
    ]

    /// Builds a config from a `<buffer>` section's parameters (`@type` included), with
    /// Fluentd's defaults for the rest. Unknown parameters are an error naming them.
    public init(parameters: [String: String]) throws(ShipError) {
        var p = parameters
        func take(_ key: String) -> String? { p.removeValue(forKey: key) }
        let typeText = take("@type") ?? "memory"
        guard let type = StoreType(rawValue: typeText) else { throw .config("<buffer>: @type \(typeText) is not memory or file") }
        let total = try take("total_limit_size").map { v throws(ShipError) in try ConfigValue.size(v, "total_limit_size") }
        let flushAtShutdown = try take("flush_at_shutdown").map { v throws(ShipError) in try ConfigValue.bool(v, "flush_at_shutdown") }
        self.init(type: type, path: take("path"), totalLimitSize: total, flushAtShutdown: flushAtShutdown, deadLetterPath: take("dead_letter_path"))
        if let v = take("chunk_limit_size") { chunkLimitSize = try ConfigValue.size(v, "chunk_limit_size") }
        if let v = take("chunk_limit_records") { chunkLimitRecords = try ConfigValue.integer(v, "chunk_limit_records", min: 1) }
        if let v = take("flush_interval") { flushInterval = try ConfigValue.time(v, "flush_interval") }
        if let v = take("retry_wait") { retryWait = try ConfigValue.time(v, "retry_wait") }
        if let v = take("retry_max_interval") { retryMaxInterval = try ConfigValue.time(v, "retry_max_interval") }
        if let v = take("retry_timeout") { retryTimeout = try ConfigValue.time(v, "retry_timeout") }
        if let v = take("retry_max_times") { retryMaxTimes = try ConfigValue.integer(v, "retry_max_times") }
        if let v = take("retry_forever") { retryForever = try ConfigValue.bool(v, "retry_forever") }
        if let v = take("retry_randomize") { retryRandomize = try ConfigValue.bool(v, "retry_randomize") }
        if let v = take("retry_exponential_backoff_base") {
            guard let b = Double(v) else { throw .config("retry_exponential_backoff_base: \"\(v)\" is not a number") }
            retryExponentialBackoffBase = b
        }
        if let v = take("overflow_action") {
            guard let a = OverflowAction(rawValue: v) else {
                throw .config("overflow_action: \"\(v)\" is not block, drop_oldest_chunk or throw_exception")
            }
            overflowAction = a
        }
        if let v = take("dead_letter_max_size") { deadLetterMaxSize = try ConfigValue.size(v, "dead_letter_max_size") }
        if let v = take("max_open_chunks") { maxOpenChunks = try ConfigValue.integer(v, "max_open_chunks", min: 1) }
        if let v = take("frame_limit_size") { frameLimitSize = try ConfigValue.size(v, "frame_limit_size") }
        let unknown = p.keys.filter { !Self.ignoredParameters.contains($0) }.sorted()
        if !unknown.isEmpty { throw .config("<buffer>: unknown parameter\(unknown.count > 1 ? "s" : "") \(unknown.joined(separator: ", "))") }
        try validate()
    }
}
