import FaultMavenCore
import Foundation
import Logging
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

/// Runs a TailSource and collects every line it sends.
final class TailHarness: Sendable {
    let registry: MetricsRegistry
    let config: TailConfig
    private let channel = BoundedChannel<[RawLine]>(capacity: 64)
    private let collected = LineBox()
    private let tasks = Mutex<(source: Task<Void, any Error>?, consumer: Task<Void, Never>?)>((nil, nil))

    init(_ config: TailConfig, registry: MetricsRegistry = MetricsRegistry(), now: @escaping @Sendable () -> Date = { Date() }) {
        self.config = config
        self.registry = registry
        let source = TailSource(config: config, output: channel, metrics: registry, logger: quietLogger, now: now)
        let channel = self.channel
        let collected = self.collected
        let consumer = Task {
            for await batch in channel { collected.lines.withLock { $0.append(contentsOf: batch) } }
        }
        let run = Task { try await source.run() }
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

    /// Cancels the source, waits for it to save its checkpoints, then ends the consumer.
    func stop() async throws {
        let (run, consumer) = tasks.withLock { $0 }
        run?.cancel()
        try await run?.value
        channel.finish()
        await consumer?.value
    }
}

/// Lines received, shared between the consumer task and the test.
final class LineBox: Sendable {
    let lines = Mutex<[RawLine]>([])
}
