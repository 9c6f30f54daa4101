import FaultMavenHTTP
import LoopbackHTTPServer
import Testing

@Suite struct IPAddressTests {
    static func scope(_ text: String) throws -> IPAddress.Scope {
        try #require(IPAddress(text), "\(text) parses").scope
    }

    @Test(arguments: [
        ("8.8.8.8", IPAddress.Scope.global), ("93.184.216.34", .global), ("100.63.255.255", .global), ("100.128.0.1", .global),
        ("172.15.0.1", .global), ("172.32.0.1", .global), ("192.169.0.1", .global),
        ("127.0.0.1", .loopback), ("127.255.0.9", .loopback),
        ("10.1.2.3", .privateNetwork), ("172.16.0.1", .privateNetwork), ("172.31.255.255", .privateNetwork),
        ("192.168.1.1", .privateNetwork), ("100.64.0.1", .privateNetwork), ("100.127.255.254", .privateNetwork),
        ("169.254.169.254", .linkLocal), ("169.254.0.1", .linkLocal),
        ("0.0.0.0", .unspecified), ("0.1.2.3", .unspecified),
        ("224.0.0.1", .multicast), ("239.255.255.250", .multicast),
        ("240.0.0.1", .reserved), ("255.255.255.255", .reserved),
    ])
    func ipv4Scopes(_ text: String, _ expected: IPAddress.Scope) throws {
        #expect(try Self.scope(text) == expected)
    }

    @Test(arguments: [
        ("2606:4700::1111", IPAddress.Scope.global), ("2001:db8::1", .global),
        ("::1", .loopback), ("[::1]", .loopback), ("::", .unspecified),
        ("fc00::1", .privateNetwork), ("fd12:3456::1", .privateNetwork), ("fec0::1", .privateNetwork),
        ("fe80::1", .linkLocal), ("fe80::1%eth0", .linkLocal), ("febf::1", .linkLocal),
        ("ff02::1", .multicast),
    ])
    func ipv6Scopes(_ text: String, _ expected: IPAddress.Scope) throws {
        #expect(try Self.scope(text) == expected)
    }

    @Test(arguments: [
        ("::ffff:127.0.0.1", IPAddress.Scope.loopback), ("::ffff:7f00:1", .loopback), ("::ffff:10.0.0.1", .privateNetwork),
        ("::ffff:169.254.169.254", .linkLocal), ("::ffff:a9fe:a9fe", .linkLocal), ("::ffff:8.8.8.8", .global),
        ("::127.0.0.1", .loopback), ("64:ff9b::169.254.169.254", .linkLocal), ("64:ff9b::8.8.8.8", .global),
        ("::ffff:0.0.0.0", .unspecified),
    ])
    func ipv4InIPv6TakesTheEmbeddedScope(_ text: String, _ expected: IPAddress.Scope) throws {
        #expect(try Self.scope(text) == expected)
        #expect(IPAddress(text)?.embeddedIPv4 != nil)
    }

    @Test func nonAddressesDoNotParse() {
        for text in ["localhost", "example.com", "", "1.2.3", "256.1.1.1", "1.2.3.4.5", "::g", "0x7f.1", "[::1", "127.1"] {
            #expect(IPAddress(text) == nil, "\(text)")
        }
    }

    @Test func canonicalText() throws {
        #expect(try #require(IPAddress("::ffff:7f00:1")).description == "::ffff:127.0.0.1")
        #expect(try #require(IPAddress("2001:0db8:0000::0001")).description == "2001:db8::1")
        #expect(try #require(IPAddress("10.0.0.1")).description == "10.0.0.1")
    }

    @Test func resolverAnswersLiteralsAndLocalhost() async throws {
        let resolver = HostResolver()
        #expect(try await resolver.resolve("10.0.0.1", timeout: .seconds(5)).map(\.description) == ["10.0.0.1"])
        let local = try await resolver.resolve("localhost", timeout: .seconds(30))
        #expect(!local.isEmpty)
        #expect(local.allSatisfy { $0.scope == .loopback })
        await #expect(throws: HTTPClientError.self) { try await resolver.resolve("no-such-host.invalid", timeout: .seconds(30)) }
    }

    @Test func pinnedRequestConnectsToThePinnedAddressWithTheURLsHost() async throws {
        let server = try LoopbackHTTPServer { _ in .text("pinned") }
        defer { server.stop() }
        let client = HTTPClient(maxConcurrentTransfers: 2)
        // `.invalid` never resolves (RFC 6761): only the pin can make this request reach the server.
        let url = "http://logs.example.invalid:\(server.port)/app.log"
        // The first address listens nowhere (a port nothing binds on ::1 is refused): libcurl tries the next.
        let pin = HTTPHostPin(host: "logs.example.invalid", port: server.port, addresses: ["::1", "127.0.0.1"])
        let response = try await client.send(HTTPRequest(url: url, pin: pin))
        #expect(response.text == "pinned")
        #expect(server.requests.first?.header("Host") == "logs.example.invalid:\(server.port)")
        await #expect(throws: HTTPClientError.self) { try await client.send(HTTPRequest(url: url)) }
        await #expect(throws: HTTPClientError.self) {
            try await client.send(HTTPRequest(url: url, pin: HTTPHostPin(host: "logs.example.invalid", port: server.port, addresses: ["127.0.0.1", "not-an-ip"])))
        }
    }
}
