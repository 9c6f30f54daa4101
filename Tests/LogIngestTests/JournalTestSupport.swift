import FaultMavenCore
import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import Testing

@testable import LogIngest

let journalRemote = "/lib/systemd/systemd-journal-remote"
let journalTestLogger = Logger(label: "journal-test") { _ in SwiftLogNoOpLogHandler() }

/// One entry in journal export format. Every entry gets `__REALTIME_TIMESTAMP` (journal-remote
/// drops entries without one) from `n`, so entries sort by `n`.
struct ExportEntry {
    var n: Int
    var message: String
    var fields: [String: String] = [:]
    var binary: [String: [UInt8]] = [:]

    /// Wall-clock time of the entry: 2023-11-14T22:13:20Z plus `n` milliseconds.
    static func usec(_ n: Int) -> UInt64 { 1_700_000_000_000_000 + UInt64(n) * 1000 }

    var bytes: [UInt8] {
        var out = Array("__REALTIME_TIMESTAMP=\(ExportEntry.usec(n))\n".utf8)
        if binary["MESSAGE"] == nil { out += Array("MESSAGE=\(message)\n".utf8) }
        for (k, v) in fields.sorted(by: { $0.key < $1.key }) { out += Array("\(k)=\(v)\n".utf8) }
        for (k, v) in binary.sorted(by: { $0.key < $1.key }) {
            out += Array("\(k)\n".utf8)
            withUnsafeBytes(of: UInt64(v.count).littleEndian) { out += $0 }
            out += v + [0x0A]
        }
        return out + [0x0A]
    }
}

/// Numbered entries `from...to` with message `"<prefix> <n>"`.
func journalEntries(_ range: ClosedRange<Int>, prefix: String = "line", fields: [String: String] = [:]) -> [ExportEntry] {
    range.map { ExportEntry(n: $0, message: "\(prefix) \($0)", fields: fields) }
}

/// A temp directory for journal files and cursor files.
struct JournalDir {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("journal-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }
    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// Writes (or appends) `entries` to the journal file `name` with systemd-journal-remote.
    func write(_ entries: [ExportEntry], to name: String = "a.journal") throws {
        try JournalDir.write(entries, file: file(name))
    }

    /// Writes (or appends) `entries` to the journal file at `path`.
    static func write(_ entries: [ExportEntry], file path: String) throws {
        let writer = try JournalWriter(output: path)
        writer.append(entries)
        try writer.close()
    }
}

/// A long-running systemd-journal-remote whose stdin stays open, so a test appends entries
/// while a reader follows the file.
/// Used by one task at a time (the test hands it from the writing task back to itself).
final class JournalWriter: @unchecked Sendable {
    private let process = Process()
    private let stdin = Pipe()

    init(output: String) throws {
        process.executableURL = URL(fileURLWithPath: journalRemote)
        process.arguments = ["--output=" + output, "-"]
        process.standardInput = stdin
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
    }

    func append(_ entries: [ExportEntry]) {
        var bytes: [UInt8] = []
        for e in entries { bytes += e.bytes }
        stdin.fileHandleForWriting.write(Data(bytes))
    }

    /// Ends input and waits for journal-remote to write and close the file.
    func close() throws {
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "systemd-journal-remote exited \(process.terminationStatus)")
    }
}

/// Collects what a source sends, optionally acknowledging it like the pipeline would.
final class JournalCollector: Sendable {
    private final class Store: Sendable {
        let lines = Mutex<[RawLine]>([])
        let running: Atomic<Bool>
        init(running: Bool) { self.running = Atomic(running) }
    }

    let channel: BoundedChannel<LineBatch>
    private let store: Store
    private let task: Task<Void, Never>

    /// - Parameters:
    ///   - paused: when `true`, nothing is received until `resume()`.
    ///   - ackDelay: acknowledge each batch this long after receiving it (a slow pipeline).
    init(
        channel: BoundedChannel<LineBatch> = BoundedChannel(capacity: 8), acknowledgements: Acknowledgements? = nil,
        paused: Bool = false, ackDelay: Duration? = nil
    ) {
        self.channel = channel
        let store = Store(running: !paused)
        self.store = store
        task = Task {
            while !store.running.load(ordering: .acquiring) { try? await Task.sleep(for: .milliseconds(10)) }
            for await batch in channel {
                store.lines.withLock { $0.append(contentsOf: batch) }
                guard let acks = acknowledgements, let last = batch.last else { continue }
                if let ackDelay {
                    Task {
                        try? await Task.sleep(for: ackDelay)
                        acks.acknowledge(last.streamID, position: last.position)
                    }
                } else {
                    acks.acknowledge(last.streamID, position: last.position)
                }
            }
        }
    }

    func resume() { store.running.store(true, ordering: .releasing) }

    var snapshot: [RawLine] { store.lines.withLock { $0 } }
    var count: Int { store.lines.withLock { $0.count } }
    var messages: [String] { store.lines.withLock { $0.map(\.text) } }

    /// Finishes the channel and waits for the consumer to drain it.
    func finish() async {
        channel.finish()
        await task.value
    }
}

/// Polls `condition` until it holds; throws (failing the test) after `seconds`.
func journalWait(_ what: String, seconds: Double = 60, _ condition: () throws -> Bool) async throws {
    let deadline = ContinuousClock.now.advanced(by: .seconds(seconds))
    while try !condition() {
        if ContinuousClock.now >= deadline { throw JournalTestTimeout(what: what) }
        try await Task.sleep(for: .milliseconds(20))
    }
}

struct JournalTestTimeout: Error, CustomStringConvertible {
    let what: String
    var description: String { "timed out waiting for \(what)" }
}

/// A source running in a `ServiceGroup`, stopped gracefully (as on SIGTERM) by `stop()`.
struct RunningJournalSource {
    let group: ServiceGroup
    let task: Task<Void, Error>

    init(_ source: JournalSource) {
        group = ServiceGroup(services: [source], logger: journalTestLogger)
        task = Task { [group] in try await group.run() }
    }

    func stop() async throws {
        await group.triggerGracefulShutdown()
        try await task.value
    }
}

/// A test config: fast waits and cursor writes.
func journalConfig(_ path: String, head: Bool = true, cursor: String? = nil) -> JournalConfig {
    var c = JournalConfig(sourceID: "journal-test", tag: "journal.test", path: path, readFromHead: head, cursorFile: cursor)
    c.waitInterval = 0.05
    c.cursorWriteInterval = 0
    c.batchSize = 16
    return c
}
