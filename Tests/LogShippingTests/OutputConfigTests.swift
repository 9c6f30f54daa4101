import Testing
@testable import LogShipping

@Suite struct OutputConfigTests {
    @Test func httpParametersMapToTheConfig() throws {
        let c = try HTTPOutputConfig(name: "central", parameters: [
            "@type": "http", "endpoint": "https://logs.example:8443/in", "json_array": "true", "compress": "zstd",
            "headers": "{\"X-Team\":\"sre\"}", "auth.method": "bearer", "auth.token": "abc", "tls_verify_mode": "none",
            "retryable_response_codes": "[409]", "read_timeout": "5s",
        ])
        #expect(c.encoding.framing == .jsonArray)
        #expect(c.compress == .zstd)
        #expect(c.headers.first?.0 == "X-Team" && c.headers.first?.1 == "sre")
        #expect(c.auth == .bearer(token: "abc"))
        #expect(c.insecure)
        #expect(c.extraRetryableStatus == [409])
        #expect(c.totalTimeout == .seconds(5))
    }

    @Test func httpRejectsBadParametersNamingThem() {
        #expect(throws: ShipError.self) { try HTTPOutputConfig(name: "x", parameters: [:]) }
        #expect(throws: ShipError.self) { try HTTPOutputConfig(name: "x", parameters: ["endpoint": "http://h", "compress": "lz4"]) }
        #expect(throws: ShipError.self) { try HTTPOutputConfig(name: "x", parameters: ["endpoint": "http://h", "auth.method": "basic"]) }
        do {
            _ = try HTTPOutputConfig(name: "x", parameters: ["endpoint": "http://h", "colour": "red"])
        } catch {
            #expect(error.message.contains("colour"))
        }
        #expect(throws: ShipError.self) { try HTTPOutput(config: HTTPOutputConfig(name: "x", endpoint: "ftp://h/")) }
    }

    @Test func fileParametersMapToTheConfig() throws {
        let c = try FileOutputConfig(name: "archive", parameters: [
            "path": "/var/log/fm/out.log.zst", "compress": "zstd", "rotate_size": "64m", "rotate_interval": "1h", "max_files": "3",
        ])
        #expect(c.compress == .zstd)
        #expect(c.rotateSize == 64 << 20)
        #expect(c.rotateInterval == .seconds(3600))
        #expect(c.maxFiles == 3)
        #expect(throws: ShipError.self) { try FileOutputConfig(name: "a", parameters: ["path": "/x", "max_files": "0"]) }
    }
}
