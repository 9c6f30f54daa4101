import Glibc

/// Non-blocking inotify: watches files (writes, renames, deletion) and directories (entries
/// created, moved, deleted) and reports which paths were touched.
///
/// Owned by one task; never blocks: ``drain()`` reads whatever events are queued.
/// The number of watches is bounded; paths beyond the limit are simply not watched (the
/// polling fallback still covers them).
final class InotifyWatcher {
    /// What a ``drain()`` found.
    struct Events {
        /// Watched file paths that changed, and `directory/name` of directory entries that changed.
        var paths: Set<String> = []
        /// A directory gained or lost entries (or the queue overflowed): rescan the patterns.
        var directoriesChanged = false
        var isEmpty: Bool { paths.isEmpty && !directoriesChanged }
    }

    static let maxWatches = 8192
    private static let fileMask = UInt32(IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVE_SELF | IN_DELETE_SELF)
    private static let directoryMask = UInt32(IN_CREATE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE | IN_ONLYDIR)

    let fd: Int32
    private var paths: [Int32: (path: String, isDirectory: Bool)] = [:]
    private var watchByPath: [String: Int32] = [:]
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)

    /// Throws the `errno` when inotify is unavailable (no kernel support, instance limit).
    init() throws(SystemErrno) {
        let fd = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        if fd < 0 { throw SystemErrno(code: errno) }
        self.fd = fd
    }

    deinit { close(fd) }

    /// Watch count in use.
    var count: Int { paths.count }

    /// Starts watching a file; returns the watch descriptor, or the `errno` on failure.
    @discardableResult
    func watchFile(_ path: String) -> Result<Int32, SystemErrno> { add(path, mask: Self.fileMask, isDirectory: false) }

    /// Starts watching a directory's entries.
    @discardableResult
    func watchDirectory(_ path: String) -> Result<Int32, SystemErrno> {
        if let wd = watchByPath[path], paths[wd]?.isDirectory == true { return .success(wd) }
        return add(path, mask: Self.directoryMask, isDirectory: true)
    }

    /// Stops a watch made by ``watchFile(_:)`` or ``watchDirectory(_:)``.
    func remove(_ wd: Int32) {
        guard let entry = paths.removeValue(forKey: wd) else { return }
        if watchByPath[entry.path] == wd { watchByPath.removeValue(forKey: entry.path) }
        inotify_rm_watch(fd, wd)
    }

    private func add(_ path: String, mask: UInt32, isDirectory: Bool) -> Result<Int32, SystemErrno> {
        guard paths.count < Self.maxWatches else { return .failure(SystemErrno(code: ENOSPC)) }
        let wd = inotify_add_watch(fd, path, mask)
        if wd < 0 { return .failure(SystemErrno(code: errno)) }
        paths[wd] = (path, isDirectory)
        watchByPath[path] = wd
        return .success(wd)
    }

    /// Reads every queued event without blocking.
    func drain() -> Events {
        var events = Events()
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if n <= 0 {
                if n < 0 && errno == EINTR { continue }
                break
            }
            buffer.withUnsafeBytes { parse(UnsafeRawBufferPointer(rebasing: $0[0..<n]), into: &events) }
        }
        return events
    }

    private func parse(_ raw: UnsafeRawBufferPointer, into events: inout Events) {
        let header = MemoryLayout<inotify_event>.size
        var pos = 0
        while pos + header <= raw.count {
            let wd = raw.loadUnaligned(fromByteOffset: pos, as: Int32.self)
            let mask = raw.loadUnaligned(fromByteOffset: pos + 4, as: UInt32.self)
            let len = Int(raw.loadUnaligned(fromByteOffset: pos + 12, as: UInt32.self))
            let nameBytes = UnsafeRawBufferPointer(rebasing: raw[(pos + header)..<min(raw.count, pos + header + len)])
            pos += header + len
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                events.directoriesChanged = true
                continue
            }
            guard let entry = paths[wd] else { continue }
            if mask & UInt32(IN_IGNORED) != 0 {
                paths.removeValue(forKey: wd)
                if watchByPath[entry.path] == wd { watchByPath.removeValue(forKey: entry.path) }
                if entry.isDirectory { events.directoriesChanged = true }
                continue
            }
            if entry.isDirectory {
                let end = nameBytes.firstIndex(of: 0) ?? nameBytes.count
                let name = String(decoding: UnsafeRawBufferPointer(rebasing: nameBytes[0..<end]), as: UTF8.self)
                events.paths.insert(entry.path == "/" ? "/" + name : entry.path + "/" + name)
                events.directoriesChanged = true
            } else {
                events.paths.insert(entry.path)
            }
        }
    }
}
