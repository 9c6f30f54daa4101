import FaultMavenCore
import FaultMavenHTTP
import Foundation
import Logging
@testable import LogShipping

/// A buffer in front of an `http` output pointed at a test receiver (or a dead port).
struct Harness {
    let buffer: ShipBuffer
    let registry: MetricsRegistry
    let acks: AckLog
    let name: String

    init(
        url: String, config: BufferConfig, name: String = "http_test", compress: BodyCompression = .none,
        framing: RecordEncoding.Framing = .jsonLines, auth: HTTPOutputConfig.Auth = .none, headers: [(String, String)] = [],
        onAck: (@Sendable (ShipAck) -> Void)? = nil
    ) throws {
        let output = try HTTPOutput(config: HTTPOutputConfig(
            name: name, endpoint: url, encoding: RecordEncoding(framing: framing), compress: compress, headers: headers, auth: auth,
            connectTimeout: .seconds(2), totalTimeout: .seconds(10)),
            // A client per test: tests running in parallel never wait for each other's transfer slots.
            client: HTTPClient(maxConcurrentTransfers: 4))
        let registry = MetricsRegistry()
        let acks = AckLog()
        var logger = Logger(label: "test.shipping")
        logger.logLevel = .error
        buffer = try ShipBuffer(output: output, config: config, registry: registry, logger: logger) { ack in
            onAck?(ack)
            acks.record(ack)
        }
        self.registry = registry
        self.acks = acks
        self.name = name
    }

    func metric(_ family: String) -> Int { Int(registry.value(family, [name]) ?? 0) }
    func dropped(_ reason: String) -> Int { Int(registry.value("faultmaven_ship_dropped_records_total", [name, reason]) ?? 0) }

    /// Lines of a JSON-lines file.
    static func lines(_ path: String) -> [[String: Any]] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        return (try? Codecs.objects(data)) ?? []
    }
}
