extension ForwardOutputConfig {
    /// Builds the config from a `<match>` section of `@type forward` (Fluentd out_forward names):
    /// `host`/`port` or the `<server>` subsection's keys prefixed `server.` (`server.host`,
    /// `server.port`, `server.name`), `send_timeout`, `connect_timeout`, `require_ack_response`,
    /// `ack_response_timeout`, `compress text|gzip`, `time_as_integer`, `keepalive`, and our
    /// `forward_mode packed_forward|forward`. `heartbeat_type`/`heartbeat_interval` are accepted
    /// and unused (no heartbeats are sent). Authentication (`shared_key`, `<security>`) and TLS
    /// are refused as not supported; other unknown keys are an error naming them.
    public init(name: String, parameters: [String: String]) throws(ShipError) {
        var p = parameters
        for k in ["@type", "@id", "server.name", "heartbeat_type", "heartbeat_interval"] { p.removeValue(forKey: k) }
        func take(_ k: String) -> String? { p.removeValue(forKey: k) }
        let unsupported = p.keys.filter { $0.hasPrefix("security.") || $0.hasSuffix("shared_key") || $0.hasPrefix("tls_") || $0 == "server.username" || $0 == "server.password" }
        if !unsupported.isEmpty {
            throw .config("output \(name): \(unsupported.sorted().joined(separator: ", ")) not supported (no shared_key authentication or TLS in the forward output)")
        }
        if let t = take("transport"), t != "tcp" { throw .config("output \(name): transport \(t) not supported (only tcp)") }
        let host = take("host")
        let serverHost = take("server.host")
        if host != nil && serverHost != nil { throw .config("output \(name): give host or <server> host, not both") }
        guard let h = host ?? serverHost else { throw .config("output \(name): host (or a <server> with host) is required") }
        self.init(name: name, host: h)
        let portText = take("port")
        let serverPort = take("server.port")
        if let v = portText ?? serverPort { port = try ConfigValue.integer(v, "output \(name): port", min: 1) }
        if let v = take("forward_mode") {
            guard let m = Mode(rawValue: v) else { throw .config("output \(name): forward_mode \(v) is not packed_forward or forward") }
            mode = m
        }
        if let v = take("compress") {
            guard v == "gzip" || v == "text" else { throw .config("output \(name): compress \(v) is not text or gzip") }
            gzip = v == "gzip"
        }
        if let v = take("time_as_integer") { timeAsInteger = try ConfigValue.bool(v, "time_as_integer") }
        if let v = take("require_ack_response") { requireAckResponse = try ConfigValue.bool(v, "require_ack_response") }
        if let v = take("keepalive") { keepalive = try ConfigValue.bool(v, "keepalive") }
        if let v = take("ack_response_timeout") { ackResponseTimeout = try ConfigValue.time(v, "ack_response_timeout") }
        if let v = take("connect_timeout") { connectTimeout = try ConfigValue.time(v, "connect_timeout") }
        if let v = take("send_timeout") { sendTimeout = try ConfigValue.time(v, "send_timeout") }
        if !p.isEmpty { throw .config("output \(name): unknown parameter(s) \(p.keys.sorted().joined(separator: ", "))") }
        try validate()
    }
}
