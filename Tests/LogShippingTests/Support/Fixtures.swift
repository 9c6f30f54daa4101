import FaultMavenCore
import Foundation
import Synchronization
@testable import LogShipping

/// Records, waits and collectors shared by the tests.
enum Fixtures {
    /// Record `n` of `stream`: message `"<stream> #<n>"`, ack position n.
    static func record(_ n: Int, stream: String = "s1", tag: String = "app.a", pad: Int = 0) -> ShipRecord {
        ShipRecord(
            tag: tag, time: Date(timeIntervalSince1970: 1_700_000_000 + Double(n)),
            message: "\(stream) #\(n)" + String(repeating: "x", count: pad), level: "INFO", source: "/var/log/\(stream).log",
            extra: ["seq": String(n), "stream": stream], ack: ShipAck(stream: stream, position: Int64(n)))
    }

    /// Waits (polling every 10 ms, up to `deadline`) until `condition` holds.
    static func eventually(_ deadline: Duration = .seconds(60), _ condition: @Sendable () async -> Bool) async -> Bool {
        let end = ContinuousClock.now + deadline
        while ContinuousClock.now < end {
            if await condition() { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return await condition()
    }

    /// A fast-retrying config (short waits through configuration only).
    static func fastConfig(_ type: BufferConfig.StoreType = .memory, path: String? = nil, deadLetter: String? = nil) -> BufferConfig {
        BufferConfig(
            type: type, path: path, chunkLimitRecords: 10, flushInterval: .milliseconds(20),
            retryWait: .milliseconds(5), retryMaxInterval: .milliseconds(40), retryTimeout: .seconds(60),
            overflowAction: .block, deadLetterPath: deadLetter)
    }
}

/// Collects acknowledgements: the highest position seen per stream.
final class AckLog: Sendable {
    private let state = Mutex<[String: Int64]>([:])
    private let calls = Mutex(0)

    func record(_ ack: ShipAck) {
        calls.withLock { $0 += 1 }
        state.withLock { s in s[ack.stream] = max(s[ack.stream] ?? .min, ack.position) }
    }

    func position(_ stream: String) -> Int64? { state.withLock { $0[stream] } }
    var count: Int { calls.withLock { $0 } }
}

/// What an HTTP receiver accepted: the decoded records in arrival order.
final class Received: Sendable {
    private let records = Mutex<[[String: String]]>([])
    private let times = Mutex<[ContinuousClock.Instant]>([])
    /// (stream, seq) pairs seen, for checking acknowledgements never run ahead.
    private let seen = Mutex<Set<String>>([])

    func add(_ objects: [[String: Any]]) {
        let keys = objects.compactMap { o -> String? in
            guard let s = o["stream"] as? String, let n = o["seq"] as? String else { return nil }
            return "\(s)#\(n)"
        }
        let flat = objects.map { o in o.mapValues { v in v as? String ?? "\(v)" } }
        seen.withLock { $0.formUnion(keys) }
        records.withLock { $0 += flat }
    }

    func attempt() { times.withLock { $0.append(.now) } }

    var all: [[String: String]] { records.withLock { $0 } }
    var count: Int { records.withLock { $0.count } }
    var attempts: [ContinuousClock.Instant] { times.withLock { $0 } }
    func contains(stream: String, seq: Int64) -> Bool { seen.withLock { $0.contains("\(stream)#\(seq)") } }

    /// The `seq` values received for `stream`, in arrival order.
    func sequence(_ stream: String) -> [Int] {
        all.filter { $0["stream"] == stream }.compactMap { $0["seq"].flatMap(Int.init) }
    }
}

