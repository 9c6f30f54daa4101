import FaultMavenCore
import Foundation
import Glibc

/// The ingest benchmark's input: a large log file mixing six formats, generated once from a
/// fixed seed and cached by size (`$TMPDIR/faultmaven-bench/ingest-<MiB>m-v1.log`).
///
/// Lines come in bursts of 1–32 from one "service" at a time, as a collector merging several
/// services writes them: Python logging, logback, logfmt, JSON, syslog and nginx access lines,
/// with varying ids, latencies, levels and a timestamp that advances 0–19 ms per line.
struct IngestFile {
    /// Bump when the generator's output changes, so stale cached files are not reused.
    static let version = 1
    static let seed: UInt64 = 20_260_302

    let path: String
    let bytes: Int64
    let lines: Int

    /// Returns the cached file of `mebibytes` MiB under `directory`, generating it first if
    /// missing. A sidecar `.lines` file holds the line count and marks the file complete.
    static func prepare(directory: String, mebibytes: Int) throws -> IngestFile {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = "\(directory)/ingest-\(mebibytes)m-v\(version).log"
        let countPath = path + ".lines"
        if let text = try? String(contentsOfFile: countPath, encoding: .utf8),
            let lines = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)),
            let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int64
        {
            return IngestFile(path: path, bytes: size, lines: lines)
        }
        let partial = path + ".partial"
        let fd = open(partial, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 { throw FaultMavenError.runtime("\(partial): cannot create: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var writer = ByteWriter(fd: fd, path: partial)
        var generator = LineGenerator(seed: seed)
        let target = Int64(mebibytes) << 20
        var lines = 0
        while writer.total < target {
            generator.writeLine(into: &writer)
            lines += 1
            try writer.flushIfNeeded()
        }
        try writer.flush()
        if rename(partial, path) != 0 {
            throw FaultMavenError.runtime("\(path): cannot rename: \(String(cString: strerror(errno)))")
        }
        try "\(lines)\n".write(toFile: countPath, atomically: true, encoding: .utf8)
        return IngestFile(path: path, bytes: writer.total, lines: lines)
    }

    /// Free bytes on the file system holding `directory` (or its nearest existing parent).
    static func freeBytes(at directory: String) -> Int64? {
        var dir = directory
        while !FileManager.default.fileExists(atPath: dir) && dir != "/" {
            dir = (dir as NSString).deletingLastPathComponent
        }
        var st = statvfs()
        guard statvfs(dir, &st) == 0 else { return nil }
        return Int64(st.f_bavail) * Int64(st.f_frsize)
    }
}
