import FluentConfig
import LogShipping

/// The shipping outputs' declarations: `<match> @type http|file`, their `<auth>`/`<format>`
/// sections, and `<buffer>`. ``OutputBuilder`` reads sections with these; ``ConfigReference``
/// documents them.
extension AgentSchema {
    /// Parameters every shipping output shares: how records become a body.
    enum Encoding {
        static let jsonArray = ParamSpec("json_array", .bool, default: "false", doc: "One JSON array per chunk (`application/json`) instead of JSON lines (`application/x-ndjson`).")
        static let compress = ParamSpec("compress", .enumeration(["text", "gzip", "zstd"]), default: "text", doc: "Body compression (`Content-Encoding` over http; whole frames in files).")
        static let zstdLevel = ParamSpec("zstd_level", .integer, default: "3", doc: "zstd level (1–19) when `compress zstd`.")
        static let timeKey = ParamSpec("time_key", .string, default: "time", doc: "Field that receives the event time; empty leaves it out.")
        static let timeFormat = ParamSpec("time_format", .enumeration(["iso8601", "epoch"]), default: "iso8601", doc: "How the event time is written.")
        static let tagKey = ParamSpec("tag_key", .string, doc: "Field that receives the tag (none by default).")
        static let all = [jsonArray, compress, zstdLevel, timeKey, timeFormat, tagKey]
        static let format = SectionSpec("format", params: [], doc: "Record format: `@type json` only.")
    }

    /// `<match> @type http` (Fluentd out_http's names).
    enum HTTPOut {
        static let endpoint = ParamSpec("endpoint", .string, required: true, doc: "URL chunks are sent to (`http://` or `https://`).")
        static let httpMethod = ParamSpec("http_method", .enumeration(["post", "put", "patch"]), default: "post", doc: "Request method.")
        static let contentType = ParamSpec("content_type", .string, doc: "Content-Type header (default follows `json_array`).")
        static let headers = ParamSpec("headers", .hash, doc: "Extra request headers, e.g. `{\"X-Token\":\"abc\"}`.")
        static let openTimeout = ParamSpec("open_timeout", .duration, default: "10s", doc: "Connection timeout.")
        static let readTimeout = ParamSpec("read_timeout", .duration, default: "60s", doc: "Whole-request timeout.")
        static let caCert = ParamSpec("tls_ca_cert_path", .string, doc: "PEM bundle of trusted CAs (default: the system store).")
        static let verifyMode = ParamSpec("tls_verify_mode", .enumeration(["peer", "none"]), default: "peer", doc: "`none` skips certificate checks (test rigs only).")
        static let retryableCodes = ParamSpec("retryable_response_codes", .array, doc: "Statuses retried besides 408, 429 and 5xx, e.g. `[409]`.")
        static let all = [endpoint, httpMethod, contentType, headers, openTimeout, readTimeout, caCert, verifyMode, retryableCodes] + Encoding.all
        static let authMethod = ParamSpec("method", .enumeration(["basic", "bearer"]), required: true, doc: "`basic` (username, password) or `bearer` (token).")
        static let authUsername = ParamSpec("username", .string, doc: "basic: user name.")
        static let authPassword = ParamSpec("password", .string, doc: "basic: password.")
        static let authToken = ParamSpec("token", .string, doc: "bearer: token.")
        static let auth = SectionSpec("auth", params: [authMethod, authUsername, authPassword, authToken], doc: "Request authentication.")
    }

    /// `<match> @type file`.
    enum FileOut {
        static let path = ParamSpec("path", .string, required: true, doc: "Absolute path of the file appended to (one file, not a time-sliced prefix).")
        static let rotateSize = ParamSpec("rotate_size", .size, doc: "Rotate to `path.1` before a write would pass this size.")
        static let rotateInterval = ParamSpec("rotate_interval", .duration, doc: "Rotate when the file was opened this long ago.")
        static let maxFiles = ParamSpec("max_files", .integer, default: "10", doc: "Rotated generations kept (`path.1` … `path.N`).")
        static let all = [path, rotateSize, rotateInterval, maxFiles] + Encoding.all
    }

    /// `<match> @type forward` (Fluentd out_forward's names; one server).
    enum ForwardOut {
        static let host = ParamSpec("host", .string, doc: "Receiver host (or give a `<server>` section).")
        static let port = ParamSpec("port", .integer, default: "24224", doc: "Receiver port.")
        static let requireAck = ParamSpec("require_ack_response", .bool, default: "false", doc: "Wait for the receiver's ack of each chunk (at-least-once to the receiver).")
        static let ackTimeout = ParamSpec("ack_response_timeout", .duration, default: "190s", doc: "How long to wait for an ack before sending the chunk again.")
        static let connectTimeout = ParamSpec("connect_timeout", .duration, default: "10s", doc: "Longest time to connect.")
        static let sendTimeout = ParamSpec("send_timeout", .duration, default: "60s", doc: "Longest time to write a chunk.")
        static let compress = ParamSpec("compress", .enumeration(["text", "gzip"]), default: "text", doc: "`gzip` compresses PackedForward entries (`compressed: gzip`).")
        static let timeAsInteger = ParamSpec("time_as_integer", .bool, default: "false", doc: "Whole-second times instead of EventTime (for old receivers).")
        static let keepalive = ParamSpec("keepalive", .bool, default: "true", doc: "Reuse the connection between chunks.")
        static let mode = ParamSpec("forward_mode", .enumeration(["packed_forward", "forward"]), default: "packed_forward", doc: "Wire mode (FaultMaven's own parameter).")
        static let heartbeatType = ParamSpec("heartbeat_type", .string, doc: "Accepted for Fluentd compatibility; no heartbeats are sent.")
        static let heartbeatInterval = ParamSpec("heartbeat_interval", .duration, doc: "Accepted for Fluentd compatibility; no heartbeats are sent.")
        static let all = [host, port, requireAck, ackTimeout, connectTimeout, sendTimeout, compress, timeAsInteger, keepalive, mode,
                          heartbeatType, heartbeatInterval]
        static let serverHost = ParamSpec("host", .string, required: true, doc: "Receiver host.")
        static let serverPort = ParamSpec("port", .integer, default: "24224", doc: "Receiver port.")
        static let serverName = ParamSpec("name", .string, doc: "A name for the server (informational).")
        static let server = SectionSpec("server", params: [serverHost, serverPort, serverName], doc: "The receiver (one).")
    }

    /// `<buffer>` inside a shipping `<match>` (Fluentd's names; chunks are keyed by tag).
    enum Buffer {
        static let types = ["memory", "file"]
        static let path = ParamSpec("path", .string, doc: "`@type file`: directory of the chunk files (required there).")
        static let chunkLimitSize = ParamSpec("chunk_limit_size", .size, default: "8m", doc: "A chunk is sealed at this many record bytes.")
        static let chunkLimitRecords = ParamSpec("chunk_limit_records", .integer, doc: "… or at this many records.")
        static let totalLimitSize = ParamSpec("total_limit_size", .size, doc: "Buffer capacity (default 512m memory, 64g file); when full, see `overflow_action`.")
        static let flushInterval = ParamSpec("flush_interval", .duration, default: "60s", doc: "A chunk is sealed and sent this long after its first record.")
        static let flushAtShutdown = ParamSpec("flush_at_shutdown", .bool, doc: "Try to send every chunk at shutdown (default true for memory, false for file: file chunks are resent at the next start).")
        static let retryWait = ParamSpec("retry_wait", .duration, default: "1s", doc: "First retry wait.")
        static let retryMaxInterval = ParamSpec("retry_max_interval", .duration, default: "300s", doc: "Longest wait between retries.")
        static let retryTimeout = ParamSpec("retry_timeout", .duration, default: "72h", doc: "Give up on a chunk (dead letter) this long after its first failure.")
        static let retryMaxTimes = ParamSpec("retry_max_times", .integer, doc: "… or after this many retries.")
        static let retryForever = ParamSpec("retry_forever", .bool, default: "false", doc: "Never give up on a chunk.")
        static let retryBase = ParamSpec("retry_exponential_backoff_base", .float, default: "2", doc: "Backoff multiplier.")
        static let retryRandomize = ParamSpec("retry_randomize", .bool, default: "true", doc: "Full jitter: each wait is uniform in 0…backoff.")
        static let overflowAction = ParamSpec("overflow_action", .enumeration(["block", "throw_exception", "drop_oldest_chunk"]), default: "block", doc: "When full: `block` pauses the sources until there is room (`throw_exception` does the same here, as in_tail retries); `drop_oldest_chunk` drops queued chunks (counted).")
        static let deadLetterPath = ParamSpec("dead_letter_path", .string, doc: "JSON-lines file for records that could not be delivered (default `<path>/dead-letter.jsonl` for file buffers; memory buffers count them as dropped).")
        static let deadLetterMaxSize = ParamSpec("dead_letter_max_size", .size, default: "1g", doc: "Dead-letter file size limit; beyond it records are dropped and counted.")
        static let maxOpenChunks = ParamSpec("max_open_chunks", .integer, default: "256", doc: "Tags filled at once; beyond it the oldest chunk is sealed early.")
        static let frameLimitSize = ParamSpec("frame_limit_size", .size, default: "256k", doc: "`@type file`: bytes staged per compressed, checksummed frame.")
        static let all = [path, chunkLimitSize, chunkLimitRecords, totalLimitSize, flushInterval, flushAtShutdown, retryWait, retryMaxInterval,
                          retryTimeout, retryMaxTimes, retryForever, retryBase, retryRandomize, overflowAction, deadLetterPath,
                          deadLetterMaxSize, maxOpenChunks, frameLimitSize]
        /// Fluentd parameters accepted without effect (LogShipping's `BufferConfig.ignoredParameters`).
        static let ignored = BufferConfig.ignoredParameters.sorted().map { ParamSpec($0, .string, doc: "Accepted for Fluentd compatibility; no effect.") }
        static let spec = SectionSpec("buffer", params: all + ignored, doc: "How records wait for the output.")
    }

    /// Registers the shipping outputs and `<buffer>` in `r`.
    static func registerOutputs(_ r: inout SchemaRegistry) {
        r.register(SectionSpec("match", params: HTTPOut.all, sections: [HTTPOut.auth, Encoding.format, Buffer.spec], doc: "POST chunks of records to an HTTP endpoint."), type: "http")
        r.register(SectionSpec("match", params: FileOut.all, sections: [Encoding.format, Buffer.spec], doc: "Append chunks of records to a file."), type: "file")
        r.register(SectionSpec("match", params: ForwardOut.all, sections: [ForwardOut.server, Buffer.spec], doc: "Send chunks to a Fluentd/Fluent Bit aggregator (Forward protocol v1)."), type: "forward")
        for t in Buffer.types { r.register(Buffer.spec, type: t) }
        r.register(Buffer.spec)
        r.register(Encoding.format, type: "json")
    }
}
