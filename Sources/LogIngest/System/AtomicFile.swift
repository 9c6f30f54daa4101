import FaultMavenCore
import Foundation

import Glibc

/// Whole-file replacement that survives a crash at any point: the old or the new content is
/// found afterwards, never a mix.
enum AtomicFile {
    /// Writes `text` to a temp file beside `path`, fsyncs it, renames it over `path`, then
    /// fsyncs the directory so the rename itself is durable. Throws naming the file.
    static func write(_ text: String, to path: String) throws {
        let tmp = path + ".tmp"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 { throw FaultMavenError.runtime(SystemError.describe(tmp, errno)) }
        var ok = true
        var code: Int32 = 0
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { raw in
            var off = 0
            while off < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + off, raw.count - off)
                if n < 0 {
                    if errno == EINTR { continue }
                    ok = false
                    code = errno
                    return
                }
                off += n
            }
        }
        if ok && fsync(fd) != 0 { ok = false; code = errno }
        close(fd)
        if ok && rename(tmp, path) != 0 { ok = false; code = errno }
        if !ok {
            unlink(tmp)
            throw FaultMavenError.runtime(SystemError.describe(path, code))
        }
        let dir = (path as NSString).deletingLastPathComponent
        let dfd = open(dir.isEmpty ? "." : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            fsync(dfd)
            close(dfd)
        }
    }

    /// The file's bytes (at most `limit`), `nil` when it does not exist; other errors throw
    /// naming the file.
    static func read(_ path: String, limit: Int, what: String) throws -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw FaultMavenError.badInput(what + " " + SystemError.describe(path, errno))
        }
        defer { close(fd) }
        return try ByteInput.readUpTo(fd: fd, count: limit, name: path)
    }
}
