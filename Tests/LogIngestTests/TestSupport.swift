import FaultMavenCore
import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import Testing

@testable import LogIngest

/// A fresh directory under the system temp dir, removed by `remove()`.
struct TempDir {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("logingest-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }
    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

func writeFile(_ path: String, _ text: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}

func writeBytes(_ path: String, _ bytes: [UInt8]) throws {
    try Data(bytes).write(to: URL(fileURLWithPath: path))
}

func append(_ path: String, _ text: String) throws {
    let h = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    defer { try? h.close() }
    try h.seekToEnd()
    try h.write(contentsOf: Data(text.utf8))
}

/// Runs `/usr/bin/<tool> args` and fails the test on a non-zero exit.
func runTool(_ tool: String, _ args: [String]) throws {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: tool)
    p.arguments = args
    p.standardError = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    #expect(p.terminationStatus == 0, "\(tool) \(args) exited \(p.terminationStatus)")
}

struct Timeout: Error, CustomStringConvertible {
    let what: String
    var description: String { "timed out waiting for \(what)" }
}

/// Polls `condition` until it holds; throws (failing the test) after `seconds`.
func waitUntil(_ what: @autoclosure () -> String, seconds: Double = 60, _ condition: () throws -> Bool) async throws {
    let deadline = ContinuousClock.now.advanced(by: .seconds(seconds))
    while try !condition() {
        if ContinuousClock.now >= deadline { throw Timeout(what: what()) }
        try await Task.sleep(for: .milliseconds(20))
    }
}

let quietLogger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

/// Runs a TailSource (inside a `ServiceGroup`) and collects every line it sends. With
/// `acks`, the consumer acknowledges each batch after `ackDelay`, once `ackGate` is open.
final class TailHarness: Sendable {
    let registry: MetricsRegistry
    let config: TailConfig
    let acks: Acknowledgements?
    private let channel = BoundedChannel<LineBatch>(capacity: 64)
    private let collected = LineBox()
    private let group: ServiceGroup
    /// While false the consumer receives batches but holds their acknowledgements.
    let ackGate = Gate()
    private let tasks = Mutex<(source: Task<Void, any Error>?, consumer: Task<Void, Never>?)>((nil, nil))

    init(
        _ config: TailConfig, registry: MetricsRegistry = MetricsRegistry(), acks: Acknowledgements? = nil,
        ackDelay: Duration = .zero, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.config = config
        self.registry = registry
        self.acks = acks
        let source = TailSource(config: config, output: channel, metrics: registry, logger: quietLogger, acknowledgements: acks, now: now)
        group = ServiceGroup(services: [source], logger: quietLogger)
        let channel = self.channel
        let collected = self.collected
        let gate = self.ackGate
        let consumer = Task {
            for await batch in channel {
                collected.lines.withLock { $0.append(contentsOf: batch) }
                guard let acks else { continue }
                if ackDelay > .zero { try? await Task.sleep(for: ackDelay) }
                while !gate.isOpen { try? await Task.sleep(for: .milliseconds(10)) }
                acks.acknowledge(batch: batch)
            }
        }
        let group = self.group
        let run = Task { try await group.run() }
        tasks.withLock { $0 = (run, consumer) }
    }

    var lines: [RawLine] { collected.lines.withLock { $0 } }
    var texts: [String] { lines.map(\.text) }

    func metric(_ name: String, _ labels: [String]? = nil) -> Double {
        registry.value(name, labels ?? [config.sourceID]) ?? -1
    }

    /// Waits until the first scan is done (the source reports its watched files).
    func waitWatching(_ count: Int) async throws {
        try await waitUntil("\(count) watched files") { metric("faultmaven_source_files_watched") == Double(count) }
    }

    func waitLines(_ count: Int) async throws {
        try await waitUntil("\(count) lines (have \(lines.count))") { lines.count >= count }
    }

    /// Cancels the source (no graceful shutdown), waits for it to save its checkpoints, then
    /// ends the consumer.
    func stop() async throws {
        let (run, consumer) = tasks.withLock { $0 }
        run?.cancel()
        try await run?.value
        channel.finish()
        ackGate.isOpen = true
        await consumer?.value
    }

    /// Triggers a graceful shutdown and waits for the source to finish (it waits for the
    /// acknowledgements), then ends the consumer.
    func stopGracefully() async throws {
        let (run, consumer) = tasks.withLock { $0 }
        await group.triggerGracefulShutdown()
        try await run?.value
        channel.finish()
        ackGate.isOpen = true
        await consumer?.value
    }

    /// Waits for the source task alone to end (after a trigger from elsewhere).
    func waitSourceEnded() async throws {
        let run = tasks.withLock { $0.source }
        try await run?.value
    }
}

/// Lines received, shared between the consumer task and the test.
final class LineBox: Sendable {
    let lines = Mutex<[RawLine]>([])
}

/// A flag shared between the test and the harness consumer.
final class Gate: Sendable {
    private let state = Mutex(true)
    var isOpen: Bool {
        get { state.withLock { $0 } }
        set { state.withLock { $0 = newValue } }
    }
}
