import Foundation
import Testing

/// Shipping with the real binary: `faultmaven run` tails a file being appended to and ships it
/// through the `http` output (zstd) to a receiver on 127.0.0.1 that is down for a while.
@Suite(.serialized) struct ShippingTests {
    /// Appends `seq=NNNNNN` lines in small bursts on its own thread.
    final class Writer: @unchecked Sendable {
        let path: String
        let total: Int
        private let lock = NSLock()
        private var _written = 0
        var written: Int { lock.lock(); defer { lock.unlock() }; return _written }

        init(path: String, total: Int) {
            self.path = path
            self.total = total
        }

        func start() { Thread.detachNewThread { self.run() } }

        private func run() {
            let fd = open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
            var i = 1
            while i <= total {
                let end = min(i + 24, total)
                var chunk = ""
                for n in i...end { chunk += String(format: "seq=%06d shipped line %d\n", n, n) }
                _ = chunk.withCString { write(fd, $0, strlen($0)) }
                lock.lock(); _written = end; lock.unlock()
                i = end + 1
                usleep(20_000)  // ~1250 lines a second: the agent is killed and the receiver comes up mid-write
            }
            close(fd)
        }
    }

    static func config(_ dir: TempDir, port: Int, receiver: ShipReceiver, buffer: String) -> String {
        """
        <source>
          @type tail
          path \(dir.path)/logs/app.log
          pos_file \(dir.path)/app.pos
          read_from_head true
          tag app
          <parse>
            @type none
          </parse>
        </source>
        <match app>
          @type http
          @id central
          endpoint \(receiver.url)
          compress zstd
          open_timeout 2s
          read_timeout 10s
          <buffer>
            \(buffer)
            flush_interval 0.3s
            chunk_limit_records 400
            retry_wait 0.2s
            retry_max_interval 1s
            retry_forever true
          </buffer>
        </match>
        <faultmaven>
          port \(port)
          state_dir \(dir.path)/state
        </faultmaven>

        """
    }

    static func metrics(_ port: Int) async throws -> String {
        try await RunTests.curl(["http://127.0.0.1:\(port)/metrics"]).1
    }

    /// Waits until the agent has tried the receiver and failed (it is down).
    static func waitForFailures(_ port: Int) async throws -> Bool {
        try await RunTests.waitFor("the output to fail while the receiver is down") {
            (RunTests.metricValue(try await metrics(port), #"faultmaven_ship_failures_total{output="central"}"#) ?? 0) >= 2
        }
    }

    /// The checkpointed offset of `file` in the pos_file (0 when absent).
    static func checkpoint(_ dir: TempDir, of file: String) -> Int {
        guard let text = try? String(contentsOfFile: dir.file("app.pos"), encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") {
            let cols = line.split(separator: "\t")
            if cols.count >= 2, cols[0] == file { return Int(cols[1], radix: 16) ?? 0 }
        }
        return 0
    }

    /// Whether the first arrival of each number comes in increasing order (order per source).
    static func inOrder(_ seqs: [Int]) -> Bool {
        var seen = Set<Int>(), last = 0
        for n in seqs where seen.insert(n).inserted {
            if n < last { return false }
            last = n
        }
        return true
    }

    static func promtool(_ text: String, _ dir: TempDir) async throws -> (Int32, String) {
        try text.write(toFile: dir.file("metrics.txt"), atomically: true, encoding: .utf8)
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/bin/sh")
        check.arguments = ["-c", "promtool check metrics < \(dir.file("metrics.txt"))"]
        let out = Pipe()
        check.standardOutput = out
        check.standardError = out
        try check.run()
        let text = try await offPool {
            let t = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            check.waitUntilExit()
            return t
        }
        return (check.terminationStatus, text)
    }

    @Test func everyLineArrivesInOrderAfterAnOutage() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let total = 4_000
        let port = RunTests.freePort()
        let receiver = try ShipReceiver()
        defer { receiver.down() }
        try FileManager.default.createDirectory(atPath: dir.path + "/logs", withIntermediateDirectories: true)
        let agent = try RunTests.startAgent(dir, config: Self.config(dir, port: port, receiver: receiver, buffer: "@type memory"))
        defer { if agent.isRunning { agent.terminate() } }
        let log = dir.path + "/logs/app.log"
        let writer = Writer(path: log, total: total)
        writer.start()

        #expect(try await Self.waitForFailures(port))
        // A memory buffer acknowledges only what was delivered: nothing yet.
        #expect(Self.checkpoint(dir, of: log) == 0, "no checkpoint before delivery")
        try receiver.up()
        let all = await RunTests.waitFor("every line to arrive", seconds: 120) { Set(receiver.seqs).count == total }
        let seqs = receiver.seqs
        #expect(all, "received \(Set(seqs).count) of \(total) (writer at \(writer.written))")
        #expect(Set(seqs) == Set(1...total))
        #expect(Self.inOrder(seqs), "lines arrive in order")
        #expect(seqs.count == total, "no duplicates after an outage (\(seqs.count - total) extra)")
        #expect(receiver.notZstd == 0 && receiver.undecodable == 0 && receiver.requests > 0)

        let text = try await Self.metrics(port)
        #expect(RunTests.metricValue(text, #"faultmaven_ship_records_sent_total{output="central"}"#) == Double(total))
        let (status, report) = try await Self.promtool(text, dir)
        #expect(status == 0, "promtool: \(report)")

        let size = (try FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) ?? -1
        let delivered = await RunTests.waitFor("the checkpoint to reach the end once delivered") { Self.checkpoint(dir, of: log) == size }
        #expect(delivered)

        agent.terminate()
        try await TortureTests.waitExit(agent)
        #expect(agent.terminationStatus == 0, "clean exit: \(String(describing: try? String(contentsOfFile: dir.file("stderr"), encoding: .utf8)))")
    }

    @Test func aFileBufferLosesNothingWhenTheAgentIsKilled() async throws {
        let dir = try TempDir()
        defer { dir.cleanup() }
        let total = 3_000
        let port = RunTests.freePort()
        let receiver = try ShipReceiver()
        defer { receiver.down() }
        try FileManager.default.createDirectory(atPath: dir.path + "/logs", withIntermediateDirectories: true)
        try dir.write("fluent.conf", Self.config(dir, port: port, receiver: receiver, buffer: "@type file\n    path \(dir.path)/buffer"))
        var agent = try TortureTests.start(dir, run: 1)
        defer { if agent.isRunning { agent.terminate() } }
        let log = dir.path + "/logs/app.log"
        let writer = Writer(path: log, total: total)
        writer.start()

        // Kill while the receiver is down, chunks wait in the file buffer and the checkpoint has
        // moved past lines that were never delivered: from then on only the buffer holds them.
        #expect(try await Self.waitForFailures(port))
        let buffered = try await RunTests.waitFor("chunks in the file buffer") {
            (RunTests.metricValue(try await Self.metrics(port), #"faultmaven_ship_buffer_chunks{output="central"}"#) ?? 0) >= 2
        }
        #expect(buffered)
        let durable = await RunTests.waitFor("a checkpoint covering durable, undelivered lines") { Self.checkpoint(dir, of: log) > 0 }
        #expect(durable)
        let checkpointAtKill = Self.checkpoint(dir, of: log)
        kill(agent.processIdentifier, SIGKILL)
        try await TortureTests.waitExit(agent)

        agent = try TortureTests.start(dir, run: 2)
        _ = await RunTests.waitFor("the writer to finish") { writer.written == total }
        try receiver.up()
        let all = await RunTests.waitFor("every line to arrive", seconds: 120) { Set(receiver.seqs).count == total }
        let seqs = receiver.seqs
        #expect(all, "received \(Set(seqs).count) of \(total)")
        #expect(Set(seqs) == Set(1...total), "nothing lost")
        #expect(Self.inOrder(seqs), "first arrivals in order")
        var counts: [Int: Int] = [:]
        for n in seqs { counts[n, default: 0] += 1 }
        let duplicates = seqs.count - total
        print("ship crash test: \(total) lines, checkpoint at kill \(checkpointAtKill) bytes, \(duplicates) duplicates (\(TortureTests.ranges(seqs)))")
        #expect(counts.values.allSatisfy { $0 <= 2 }, "a line arrives at most twice")
        #expect(duplicates <= total / 2, "duplicates bounded: \(duplicates)")

        agent.terminate()
        try await TortureTests.waitExit(agent)
        #expect(agent.terminationStatus == 0)
    }
}
