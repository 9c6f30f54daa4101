/// Settings of the `forward` output (Fluentd's out_forward, one `<server>`).
public struct ForwardOutputConfig: Sendable, Equatable {
    /// How a chunk is framed (Forward protocol v1 carrier modes).
    public enum Mode: String, Sendable, CaseIterable {
        /// `[tag, <bin: msgpack stream of [time, record]>, option]`, what out_forward sends.
        case packedForward = "packed_forward"
        /// `[tag, [[time, record], ...], option]`.
        case forward
    }

    /// Output name (metrics label); `@id` in the config.
    public var name: String
    public var host: String
    public var port: Int
    public var mode: Mode
    /// `compress gzip`: PackedForward entries gzip-compressed, option `compressed: "gzip"`.
    public var gzip: Bool
    /// Event times as integer seconds instead of EventTime (ext 0, nanoseconds).
    public var timeAsInteger: Bool
    /// Send the `chunk` option and wait for `{"ack": chunk}` before reporting delivery.
    public var requireAckResponse: Bool
    public var ackResponseTimeout: Duration
    public var connectTimeout: Duration
    /// Writing one chunk.
    public var sendTimeout: Duration
    /// Keep the connection open between chunks (checked for a hang-up before reuse).
    public var keepalive: Bool

    public init(
        name: String, host: String, port: Int = 24224, mode: Mode = .packedForward, gzip: Bool = false,
        timeAsInteger: Bool = false, requireAckResponse: Bool = false, ackResponseTimeout: Duration = .seconds(190),
        connectTimeout: Duration = .seconds(10), sendTimeout: Duration = .seconds(60), keepalive: Bool = true
    ) {
        self.name = name
        self.host = host
        self.port = port
        self.mode = mode
        self.gzip = gzip
        self.timeAsInteger = timeAsInteger
        self.requireAckResponse = requireAckResponse
        self.ackResponseTimeout = ackResponseTimeout
        self.connectTimeout = connectTimeout
        self.sendTimeout = sendTimeout
        self.keepalive = keepalive
    }

    /// `host:port`, bracketing IPv6 literals.
    public var peer: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// Checks what the parameter parser cannot: ranges and combinations.
    public func validate() throws(ShipError) {
        guard !host.isEmpty else { throw .config("output \(name): host is empty") }
        guard (1...65535).contains(port) else { throw .config("output \(name): port \(port) is not 1-65535") }
        guard !(gzip && mode == .forward) else { throw .config("output \(name): compress gzip needs forward_mode packed_forward") }
        for (key, d) in [("ack_response_timeout", ackResponseTimeout), ("connect_timeout", connectTimeout), ("send_timeout", sendTimeout)] where d <= .zero {
            throw .config("output \(name): \(key) must be positive")
        }
    }
}
