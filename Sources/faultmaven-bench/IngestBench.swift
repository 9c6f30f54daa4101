import FaultMavenCore
import Foundation
import LogIngest

/// The ingest case (issue 3): lines/s and MB/s reading one large file, beside `cat FILE >
/// /dev/null` (the physical limit) and `mtail --one_shot` (the peer), printed as one table.
///
/// Every case runs after a warm-up read of the whole file, so all of them read from the page
/// cache; nothing is dropped from it. Each case is run `repeats` times and the fastest run
/// (by wall clock) is kept.
struct IngestBench {
    /// Target size of the generated file.
    static let defaultMebibytes = 1024
    /// Below this much free space the file is scaled down to a third of what is free.
    static let minimumFreeBytes: Int64 = 3_000_000_000

    var directory: String
    var mebibytes: Int?
    var repeats: Int
    var cases: Set<IngestCase>

    func run() async throws {
        let file = try prepareFile()
        let cat = ChildProcess.which("cat") ?? "/bin/cat"
        let mtail = ChildProcess.which("mtail")
        print("Ingest: \(file.path), \(file.lines) lines, \(String(format: "%.1f", Double(file.bytes) / 1e6)) MB "
            + "(\(ProcessInfo.processInfo.activeProcessorCount) CPUs; warm page cache; best of \(repeats)).")
        print("")

        var rows: [IngestRow] = []
        rows.append(try best { try warmed(file) { try catRow(cat, file) } })
        if cases.contains(.reader) { rows.append(try best { try warmed(file) { try readerRow(file) } }) }
        for parse in [false, true] where cases.contains(parse ? .parse : .tail) {
            rows.append(
                try await bestAsync {
                    try warmUp(file)
                    return try await TailIngest.measure(file: file, parse: parse)
                })
        }
        var mtailRow: IngestRow?
        var mtailRegexRow: IngestRow?
        if !cases.contains(.mtail) {
            // Not asked for.
        } else if let mtail {
            let peer = MtailPeer(executable: mtail, workDirectory: directory)
            let count = try best { try warmed(file) { try peer.measure(MtailPeer.countLines, file: file) } }
            mtailRow = count
            rows.append(count)
            let regex = try best { try warmed(file) { try peer.measure(MtailPeer.levelRegex, file: file) } }
            mtailRegexRow = regex
            rows.append(regex)
        } else {
            print("mtail not found in PATH: the mtail cases are skipped (Debian: apt-get install -y mtail).")
            print("")
        }
        for r in rows where r.lines != file.lines {
            print("warning: \(r.name) saw \(r.lines) lines, the file has \(file.lines)")
        }
        IngestTable(rows: rows, cat: rows[0], mtail: mtailRow, mtailRegex: mtailRegexRow).print()
    }

    /// The cached file, scaled down (with a note) when the disk is short of space.
    private func prepareFile() throws -> IngestFile {
        var size = mebibytes ?? IngestBench.defaultMebibytes
        let path = "\(directory)/ingest-\(size)m-v\(IngestFile.version).log"
        if mebibytes == nil, !FileManager.default.fileExists(atPath: path),
            let free = IngestFile.freeBytes(at: directory), free < IngestBench.minimumFreeBytes
        {
            size = max(16, Int(free / 3) >> 20)
            print("Note: only \(free / 1_000_000) MB free at \(directory); the ingest file is scaled down to \(size) MiB.")
        }
        let start = CPUClock.wall()
        let file = try IngestFile.prepare(directory: directory, mebibytes: size)
        let took = CPUClock.wall() - start
        if took > 1 { print("Generated \(file.path) in \(String(format: "%.1f", took)) s.") }
        return file
    }

    private func catRow(_ cat: String, _ file: IngestFile) throws -> IngestRow {
        let outcome = try ChildProcess.run([cat, file.path], stdout: "/dev/null")
        guard outcome.status == 0 else { throw FaultMavenError.runtime("cat \(file.path) exited with \(outcome.status)") }
        return IngestRow(name: "cat FILE > /dev/null", lines: file.lines, bytes: file.bytes, seconds: outcome.seconds, cpuSeconds: outcome.cpuSeconds)
    }

    private func readerRow(_ file: IngestFile) throws -> IngestRow {
        let cpu0 = CPUClock.selfSeconds()
        let t0 = CPUClock.wall()
        var lines = 0
        let stats = try LogFileReader.read(path: file.path) { lines += $0.count }
        return IngestRow(
            name: "LogFileReader.read (lines only)", lines: lines, bytes: stats.bytes, seconds: CPUClock.wall() - t0,
            cpuSeconds: CPUClock.selfSeconds() - cpu0)
    }

    /// Reads the whole file once (untimed) so the case after it sees a warm page cache.
    private func warmUp(_ file: IngestFile) throws {
        let outcome = try ChildProcess.run(["cat", file.path], stdout: "/dev/null")
        guard outcome.status == 0 else { throw FaultMavenError.runtime("cat \(file.path) exited with \(outcome.status)") }
    }

    private func warmed(_ file: IngestFile, _ body: () throws -> IngestRow) throws -> IngestRow {
        try warmUp(file)
        return try body()
    }

    private func best(_ body: () throws -> IngestRow) throws -> IngestRow {
        var rows: [IngestRow] = []
        for _ in 0..<max(1, repeats) { rows.append(try body()) }
        return rows.min { $0.seconds < $1.seconds }!
    }

    private func bestAsync(_ body: () async throws -> IngestRow) async throws -> IngestRow {
        var rows: [IngestRow] = []
        for _ in 0..<max(1, repeats) { rows.append(try await body()) }
        return rows.min { $0.seconds < $1.seconds }!
    }
}
