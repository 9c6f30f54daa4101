import Glibc

/// A file opened for appending, written with `write(2)` and made durable with `fsync(2)`.
/// Errors name the path and the system's reason. Not thread-safe: one owner at a time.
final class PosixFile {
    let path: String
    private var fd: Int32
    private(set) var size: Int

    /// Opens (creating with mode 0640 if needed) `path` for appending.
    init(appending path: String) throws(ShipError) {
        self.path = path
        fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o640)
        if fd < 0 { throw ShipError.io("cannot open \(path)", errno) }
        var st = stat()
        if fstat(fd, &st) != 0 {
            let e = errno
            close(fd)
            throw ShipError.io("cannot stat \(path)", e)
        }
        size = Int(st.st_size)
    }

    deinit { if fd >= 0 { close(fd) } }

    func write(_ bytes: [UInt8]) throws(ShipError) {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { raw in Glibc.write(fd, raw.baseAddress! + done, raw.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ShipError.io("cannot write \(path)", errno)
            }
            done += n
            size += n
        }
    }

    func sync() throws(ShipError) {
        if fsync(fd) != 0 { throw ShipError.io("cannot fsync \(path)", errno) }
    }

    func closeFile() {
        if fd >= 0 { close(fd) }
        fd = -1
    }

    /// The whole content of `path`.
    static func read(_ path: String) throws(ShipError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw ShipError.io("cannot open \(path)", errno) }
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ShipError.io("cannot read \(path)", errno)
            }
            if n == 0 { return out }
            out.append(contentsOf: chunk[0..<n])
        }
    }

    /// Cuts `path` to `length` bytes and makes that durable.
    static func truncate(_ path: String, to length: Int) throws(ShipError) {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        if fd < 0 { throw ShipError.io("cannot open \(path)", errno) }
        defer { close(fd) }
        if ftruncate(fd, off_t(length)) != 0 || fsync(fd) != 0 { throw ShipError.io("cannot truncate \(path)", errno) }
    }

    /// Makes entries created, renamed or removed in `directory` durable.
    static func syncDirectory(_ directory: String) throws(ShipError) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd < 0 { throw ShipError.io("cannot open directory \(directory)", errno) }
        defer { close(fd) }
        if fsync(fd) != 0 { throw ShipError.io("cannot fsync directory \(directory)", errno) }
    }

    /// Creates `directory` and its parents (mode 0750) if missing.
    static func makeDirectory(_ directory: String) throws(ShipError) {
        var path = ""
        for part in directory.split(separator: "/", omittingEmptySubsequences: true) {
            path += "/" + part
            if mkdir(path, 0o750) != 0 && errno != EEXIST { throw ShipError.io("cannot create directory \(path)", errno) }
        }
        if !directory.hasPrefix("/") { throw ShipError.config("buffer path \(directory) must be absolute") }
    }

    static func remove(_ path: String) { unlink(path) }

    static func rename(_ from: String, _ to: String) throws(ShipError) {
        if Glibc.rename(from, to) != 0 { throw ShipError.io("cannot rename \(from) to \(to)", errno) }
    }

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// Names in `directory` (no `.`/`..`).
    static func list(_ directory: String) throws(ShipError) -> [String] {
        guard let dir = opendir(directory) else { throw ShipError.io("cannot list \(directory)", errno) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
