import Testing
@testable import LogShipping

@Suite struct ForwardConfigTests {
    @Test func fluentdParametersAreRead() throws {
        let c = try ForwardOutputConfig(name: "agg", parameters: [
            "@type": "forward", "server.host": "agg.local", "server.port": "24225", "server.name": "primary",
            "send_timeout": "20s", "connect_timeout": "3", "require_ack_response": "true", "ack_response_timeout": "45s",
            "compress": "gzip", "keepalive": "false", "heartbeat_type": "none",
        ])
        #expect(c == ForwardOutputConfig(
            name: "agg", host: "agg.local", port: 24225, gzip: true, requireAckResponse: true, ackResponseTimeout: .seconds(45),
            connectTimeout: .seconds(3), sendTimeout: .seconds(20), keepalive: false))
        let plain = try ForwardOutputConfig(name: "f", parameters: ["host": "10.0.0.1", "forward_mode": "forward", "time_as_integer": "yes"])
        #expect(plain.port == 24224 && plain.mode == .forward && plain.timeAsInteger && !plain.requireAckResponse)
    }

    @Test(arguments: [
        (["port": "24224"], "host (or a <server> with host) is required"),
        (["host": "a", "shared_key": "s"], "shared_key not supported"),
        (["host": "a", "security.self_hostname": "me"], "security.self_hostname not supported"),
        (["host": "a", "transport": "tls"], "transport tls not supported"),
        (["host": "a", "compress": "zstd"], "compress zstd is not text or gzip"),
        (["host": "a", "compress": "gzip", "forward_mode": "forward"], "compress gzip needs forward_mode packed_forward"),
        (["host": "a", "port": "70000"], "port 70000 is not 1-65535"),
        (["host": "a", "ack_response_timeout": "0"], "ack_response_timeout must be positive"),
        (["host": "a", "flush_mode": "x"], "unknown parameter(s) flush_mode"),
        (["host": "a", "server.host": "b"], "give host or <server> host, not both"),
    ])
    func badParametersAreRefusedByName(_ parameters: [String: String], _ expected: String) {
        do {
            _ = try ForwardOutputConfig(name: "f", parameters: parameters)
            Issue.record("accepted \(parameters)")
        } catch {
            #expect(error.kind == .config)
            #expect(error.message.contains(expected), "\(error.message)")
        }
    }
}
