import FaultMavenCore
import Logging
import LogShipping
import Synchronization

/// The agent's shipping buffers, one per shipping `<match>` (keyed by the `<match>`'s index in
/// `AgentConfig.outputs`).
///
/// Acknowledgement: a tag routes to one output (the first matching `<match>`), so every stream
/// reaches at most one buffer. The pipeline appends a batch's records, then gives that buffer a
/// marker per stream (`acknowledge`); the buffer releases it once everything appended before
/// it is durable (file buffer) or delivered (memory buffer), and only then does the stream's
/// checkpoint (`Acknowledgements`) advance.
///
/// Lifecycle: `start` before the service group runs; `beginDraining` when shutdown begins (seal
/// chunks now, and after every later batch, so the sources' final acknowledgements come
/// quickly); `close` after the pipeline drained (`flush_at_shutdown`).
final class ShipOutputs: Sendable {
    private let buffers: [Int: ShipBuffer]
    private let locations: [Int: String]
    private let draining = Atomic<Bool>(false)
    private let logger: Logger

    init(config: AgentConfig, registry: MetricsRegistry, acknowledgements: Acknowledgements, logger: Logger) throws {
        var buffers: [Int: ShipBuffer] = [:]
        var locations: [Int: String] = [:]
        for (i, o) in config.outputs.enumerated() {
            guard let target = o.ship else { continue }
            do {
                buffers[i] = try ShipBuffer(
                    output: target.output, config: target.buffer, registry: registry, logger: logger,
                    onAcknowledge: { acknowledgements.acknowledge($0.stream, position: $0.position) })
            } catch {
                throw FaultMavenError.runtime("output \(target.name) (\(o.location)): \(error.message)")
            }
            locations[i] = o.location
        }
        self.buffers = buffers
        self.locations = locations
        self.logger = logger
    }

    var isEmpty: Bool { buffers.isEmpty }

    /// Whether `<match>` number `index` ships (has a buffer).
    func ships(_ index: Int) -> Bool { buffers[index] != nil }

    /// Recovers file buffers and starts delivery; throws naming the output and its `<match>`.
    func start() async throws {
        for (i, b) in buffers.sorted(by: { $0.key < $1.key }) {
            do {
                try await b.start()
            } catch {
                throw FaultMavenError.runtime("output \(b.name) (\(locations[i] ?? "")): \(error.message)")
            }
        }
    }

    /// Appends `records` to output `index`'s buffer (suspends while it is full).
    func append(_ records: [ShipRecord], to index: Int) async throws(ShipError) {
        guard let b = buffers[index] else { return }
        try await b.append(records)
    }

    /// Gives output `index` a marker: `stream` up to `position` is acknowledged once everything
    /// appended to it so far is durable or delivered.
    func acknowledge(_ stream: String, position: Int64, at index: Int) async {
        await buffers[index]?.acknowledge(stream, position: position)
    }

    var isDraining: Bool { draining.load(ordering: .relaxed) }

    /// Shutdown began: seal every open chunk now and after each later batch.
    func beginDraining() async {
        draining.store(true, ordering: .relaxed)
        await flush()
    }

    /// Seals every open chunk of every buffer.
    func flush() async {
        for b in buffers.values { await b.flush() }
    }

    /// Closes every buffer (delivering what `flush_at_shutdown` asks for), concurrently.
    func close() async {
        await withTaskGroup(of: Void.self) { group in
            for b in buffers.values { group.addTask { await b.close() } }
        }
        logger.info("outputs closed", metadata: ["outputs": "\(buffers.count)"])
    }
}
