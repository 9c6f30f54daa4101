import FaultMavenCore
import Foundation
import Glibc

/// The `<storage>` file holding the journal cursor.
///
/// Written as Fluentd's local storage writes it, `{"journal":"s=…;i=…;…"}`, so a cursor stored
/// by fluent-plugin-systemd carries over; a file holding just the cursor text (the old
/// `pos_file`) is read too. Writes are atomic: a temp file beside the target, fsync, rename,
/// fsync of the directory.
struct JournalCursorFile: Sendable {
    let path: String

    /// Largest cursor file read (a cursor is ~150 bytes).
    static let maxBytes = 64 * 1024

    /// The stored cursor; `nil` when the file is missing or holds none. Throws when the file
    /// exists but cannot be read.
    func load() throws -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw FaultMavenError.badInput("journal cursor file " + SystemError.describe(path, errno))
        }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: JournalCursorFile.maxBytes)
        var filled = 0
        while filled < bytes.count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FaultMavenError.badInput("journal cursor file " + SystemError.describe(path, errno))
            }
            if n == 0 { break }
            filled += n
        }
        return JournalCursorFile.parse(Array(bytes[..<filled]))
    }

    /// The cursor in a file's bytes: the `journal` key of a JSON object, else the trimmed text.
    static func parse(_ bytes: [UInt8]) -> String? {
        if let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] {
            guard let c = object["journal"] as? String, !c.isEmpty else { return nil }
            return c
        }
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty || text.contains("\n") ? nil : text
    }

    /// The file's bytes for `cursor`.
    static func render(_ cursor: String) -> Data {
        (try? JSONSerialization.data(withJSONObject: ["journal": cursor], options: [.sortedKeys])) ?? Data()
    }

    /// Replaces the file atomically with `cursor`, creating missing parent directories.
    func save(_ cursor: String) throws {
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty && !FileManager.default.fileExists(atPath: dir) {
            do {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            } catch {
                throw FaultMavenError.runtime("journal cursor directory \(dir): \(error.localizedDescription)")
            }
        }
        let tmp = path + ".tmp"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if fd < 0 { throw FaultMavenError.runtime("journal cursor file " + SystemError.describe(tmp, errno)) }
        let data = JournalCursorFile.render(cursor)
        var failure: Int32 = 0
        data.withUnsafeBytes { buf in
            var off = 0
            while off < buf.count {
                let n = write(fd, buf.baseAddress! + off, buf.count - off)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                off += n
            }
        }
        if failure == 0 && fsync(fd) != 0 { failure = errno }
        close(fd)
        if failure == 0 && rename(tmp, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(tmp)
            throw FaultMavenError.runtime("journal cursor file " + SystemError.describe(path, failure))
        }
        let dfd = open(dir.isEmpty ? "." : dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            _ = fsync(dfd)
            close(dfd)
        }
    }
}
