import FaultMavenCore
import Foundation
import Glibc
import LogShipping

/// The shipping case (issue 8): the ingest bench's generated file, line by line as records,
/// through a memory `ShipBuffer` and the `http` output with zstd to an in-process receiver
/// that counts the records; beside `zstd -1` on the same file (the compression limit).
struct ShipBench {
    struct Row {
        var name: String
        var records: Int
        var inputBytes: Int64
        var wireBytes: Int
        var seconds: Double
        var cpuSeconds: Double
        var receiverCPUSeconds: Double
    }

    var directory: String
    var mebibytes: Int?
    static let defaultMebibytes = 256

    func run() async throws {
        let file = try IngestFile.prepare(directory: directory, mebibytes: mebibytes ?? Self.defaultMebibytes)
        print("Ship: \(file.path), \(file.lines) lines, \(String(format: "%.1f", Double(file.bytes) / 1e6)) MB "
            + "(\(ProcessInfo.processInfo.activeProcessorCount) CPUs; warm page cache).")
        print("")
        var rows: [Row] = []
        for level: Int32 in [1, 3] {
            try warm(file)
            rows.append(try await ship(file, zstdLevel: level))
        }
        if let zstd = ChildProcess.which("zstd") {
            try warm(file)
            rows.append(try zstdRow(zstd, file))
        }
        print("| case | records | input MB | wire MB | ratio | seconds | CPU s | records/s | input MB/s |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for r in rows {
            print("| \(r.name) | \(r.records) | \(f(Double(r.inputBytes) / 1e6, 0)) | \(f(Double(r.wireBytes) / 1e6, 1)) "
                + "| \(f(Double(r.inputBytes) / Double(max(r.wireBytes, 1)), 2)) | \(f(r.seconds, 2)) | \(f(r.cpuSeconds, 2)) "
                + "| \(f(Double(r.records) / r.seconds / 1e3, 0)) k | \(f(Double(r.inputBytes) / r.seconds / 1e6, 0)) |")
        }
        print("")
        print("ratio: input (log file) bytes ÷ bytes on the wire. CPU s of the http rows: the whole process minus the "
            + "receiver's zstd decoding (\(rows.filter { $0.receiverCPUSeconds > 0 }.map { f($0.receiverCPUSeconds, 2) }.joined(separator: ", ")) s); "
            + "it includes the receiver's HTTP handling. Records are JSON objects (message, source, time), so the http "
            + "body before compression is larger than the file.")
    }

    private func f(_ v: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", v) }

    /// Reads the file once so every case reads from the page cache.
    private func warm(_ file: IngestFile) throws {
        _ = try ChildProcess.run(["cat", file.path], stdout: "/dev/null")
    }

    private func zstdRow(_ zstd: String, _ file: IngestFile) throws -> Row {
        let out = directory + "/ship-bench.zst"
        defer { unlink(out) }
        let r = try ChildProcess.run([zstd, "-1", "-q", "-f", "-c", file.path], stdout: out)
        guard r.status == 0 else { throw FaultMavenError.runtime("zstd -1 exited with \(r.status)") }
        let size = (try? FileManager.default.attributesOfItem(atPath: out))?[.size] as? Int ?? 0
        return Row(name: "`zstd -1 FILE` (the limit)", records: file.lines, inputBytes: file.bytes, wireBytes: size,
                   seconds: r.seconds, cpuSeconds: r.cpuSeconds, receiverCPUSeconds: 0)
    }

    private func ship(_ file: IngestFile, zstdLevel: Int32) async throws -> Row {
        let receiver = BenchReceiver()
        let port = try await receiver.start()
        defer { receiver.stop() }
        var http = HTTPOutputConfig(name: "bench", endpoint: "http://127.0.0.1:\(port)/ingest", compress: .zstd, zstdLevel: zstdLevel)
        http.totalTimeout = .seconds(120)
        let buffer = try ShipBuffer(
            output: try HTTPOutput(config: http),
            config: BufferConfig(chunkLimitSize: 8 << 20, totalLimitSize: 64 << 20, flushInterval: .seconds(1), overflowAction: .block),
            registry: MetricsRegistry())
        let cpu0 = CPUClock.selfSeconds(), wall0 = CPUClock.wall()
        try await buffer.start()
        try await ShipBench.feed(file, into: buffer)
        await buffer.close()
        let wall = CPUClock.wall() - wall0, cpu = CPUClock.selfSeconds() - cpu0
        let c = receiver.snapshot
        guard c.records == file.lines, c.failures == 0 else {
            throw FaultMavenError.runtime("ship bench: the receiver counted \(c.records) of \(file.lines) records (\(c.failures) bad bodies)")
        }
        return Row(name: "http output, zstd level \(zstdLevel)\(zstdLevel == 3 ? " (default)" : "")", records: c.records, inputBytes: file.bytes,
                   wireBytes: c.wireBytes, seconds: wall, cpuSeconds: cpu - c.decodeCPUSeconds, receiverCPUSeconds: c.decodeCPUSeconds)
    }

    /// Appends the file's lines as records (`message`, `source`), 1,000 at a time.
    static func feed(_ file: IngestFile, into buffer: ShipBuffer) async throws {
        let fd = open(file.path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw FaultMavenError.runtime("\(file.path): cannot open") }
        defer { close(fd) }
        var block = [UInt8](repeating: 0, count: 4 << 20)
        var carry: [UInt8] = []
        var batch: [ShipRecord] = []
        batch.reserveCapacity(1000)
        let now = ShipRecord.nanos(Date())
        func record(_ bytes: ArraySlice<UInt8>) -> ShipRecord {
            ShipRecord(tag: "bench", timeNanos: now, fields: ["message": String(decoding: bytes, as: UTF8.self), "source": file.path])
        }
        while true {
            let n = block.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { throw FaultMavenError.runtime("\(file.path): read failed") }
            if n == 0 { break }
            var start = 0
            for i in 0..<n where block[i] == 0x0A {
                if carry.isEmpty {
                    batch.append(record(block[start..<i]))
                } else {
                    carry += block[start..<i]
                    batch.append(record(carry[...]))
                    carry.removeAll(keepingCapacity: true)
                }
                start = i + 1
                if batch.count == 1000 {
                    try await buffer.append(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            carry += block[start..<n]
        }
        if !carry.isEmpty { batch.append(record(carry[...])) }
        if !batch.isEmpty { try await buffer.append(batch) }
    }
}
