import FaultMavenCore
import Foundation

import Glibc

extension TailLoop {
    /// How a file came to be opened, which decides where reading starts without a checkpoint.
    enum OpenReason {
        /// Found by the first scan: from the end unless `read_from_head`.
        case startup
        /// Appeared later: from the head.
        case discovered
        /// Replaced the file at its path (rotation): from the head, old checkpoints ignored.
        case rotatedIn
    }

    func startWatcher() {
        guard config.enableStatWatcher else { return }
        do {
            watcher = try InotifyWatcher()
        } catch {
            logger.warning("inotify unavailable, polling only", metadata: ["error": "\(error.message)"])
        }
    }

    /// Rescans the patterns: opens new files, drains files that no longer match, watches
    /// directories and forgets checkpoints of paths that are gone.
    func refresh(startup: Bool) {
        nextRefresh = clock.now.advanced(by: .seconds(config.refreshInterval))
        let (paths, directories) = expander.expand(at: now())
        let matched = Set(paths)
        for path in paths where active[path] == nil {
            open(path, reason: startup ? .startup : .discovered)
        }
        for (path, file) in active where !matched.contains(path) {
            if case .success(let st) = FileStatus.of(path: path), st.identity == file.identity {
                // Still there but no longer matched (excluded, or a strftime pattern moved on).
                active.removeValue(forKey: path)
                startDraining(file, deadline: clock.now.advanced(by: .seconds(config.rotateWait)))
                checkpointDirty = true
            } else {
                retire(file)
            }
        }
        for dir in directories { watchDirectory(dir) }
        for path in carried.keys where access(path, F_OK) != 0 {
            carried.removeValue(forKey: path)
            checkpointDirty = true
        }
    }

    private func watchDirectory(_ dir: String) {
        guard case .success(let st) = FileStatus.of(path: dir), st.isDirectory else { return }
        if access(dir, R_OK | X_OK) != 0 {
            warnOnce("dir:" + dir, "directory not readable, retrying at each refresh",
                     ["directory": "\(dir)", "error": "\(SystemError.message(errno))"])
            return
        }
        warned.remove("dir:" + dir)
        guard let watcher, watchedDirectories[dir] == nil else { return }
        switch watcher.watchDirectory(dir) {
        case .success(let wd): watchedDirectories[dir] = wd
        case .failure(let e):
            warnOnce("watch:" + dir, "cannot watch directory with inotify, polling covers it",
                     ["directory": "\(dir)", "error": "\(e.message)"])
        }
    }

    /// Opens `path` for following, deciding where to start; logs and returns on any problem
    /// (the next refresh retries).
    func open(_ path: String, reason: OpenReason) {
        if active.count + draining.count >= config.maxOpenFiles {
            if overLimit.insert(path) {
                metrics.tooManyFiles.increment()
                logger.warning("open file limit reached, file skipped until a slot frees",
                               metadata: ["path": "\(path)", "limit": "\(config.maxOpenFiles)"])
            }
            return
        }
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if fd < 0 {
            let code = errno
            if code != ENOENT {
                warnOnce("open:" + path, "cannot open file, retrying at each refresh",
                         ["path": "\(path)", "error": "\(SystemError.message(code))"])
            }
            return
        }
        guard case .success(let st) = FileStatus.of(fd: fd), st.isRegular else {
            close(fd)
            warnOnce("type:" + path, "not a regular file, skipped", ["path": "\(path)"])
            return
        }
        if binaryFiles.contains(st.identity) {
            close(fd)
            return
        }
        if hasNulInHead(fd: fd, size: st.size) {
            close(fd)
            skipBinary(path: path, identity: st.identity)
            return
        }
        warned.remove("open:" + path)
        overLimit.remove(path)

        var start: Int64 = 0
        if reason == .rotatedIn {
            carried.removeValue(forKey: path)  // it described the file rotated away
        } else if let cp = takeCheckpoint(path: path, inode: st.identity.inode) {
            if cp.inode == st.identity.inode && cp.offset <= st.size {
                start = cp.offset
            } else {
                metrics.truncations.increment()
                logger.info("checkpoint does not match the file (replaced or truncated), reading from head",
                            metadata: ["path": "\(path)", "offset": "\(cp.offset)", "size": "\(st.size)"])
            }
        } else if reason == .startup && !config.readFromHead {
            start = st.size
        }
        let file = TailedFile(path: path, tag: config.tag(forPath: path), fd: fd, status: st, start: start, maxLineBytes: config.maxLineSize)
        file.headChecked = min(st.size, TailLoop.binaryCheckBytes)
        if let watcher, case .success(let wd) = watcher.watchFile(path) { file.watch = wd }
        active[path] = file
        checkpointDirty = true
        logger.debug("following file", metadata: ["path": "\(path)", "offset": "\(start)"])
    }

    /// True when the first 8 KiB (or the whole shorter file) hold a NUL byte.
    func hasNulInHead(fd: Int32, size: Int64) -> Bool {
        let n = Int(min(size, TailLoop.binaryCheckBytes))
        guard n > 0 else { return false }
        return readBuffer.withUnsafeMutableBytes { raw -> Bool in
            var got = 0
            while got < n {
                let r = pread(fd, raw.baseAddress! + got, n - got, off_t(got))
                if r < 0 && errno == EINTR { continue }
                if r <= 0 { break }
                got += r
            }
            return memchr(raw.baseAddress!, 0, got) != nil
        }
    }

    func skipBinary(path: String, identity: FileIdentity) {
        binaryFiles.insert(identity)
        metrics.binaryFiles.increment()
        logger.warning("binary file (NUL bytes in the first 8 KiB), skipped", metadata: ["path": "\(path)"])
    }

    /// The file left its path: deleted (read to its end, then closed) or renamed away
    /// (a rotation: read on for `rotate_wait`).
    func retire(_ file: TailedFile) {
        active.removeValue(forKey: file.path)
        let deleted: Bool
        if case .success(let st) = FileStatus.of(fd: file.fd) { deleted = st.linkCount == 0 } else { deleted = false }
        if !deleted { metrics.rotations.increment() }
        startDraining(file, deadline: clock.now.advanced(by: .seconds(deleted ? 0 : config.rotateWait)))
        checkpointDirty = true
    }

    func startDraining(_ file: TailedFile, deadline: ContinuousClock.Instant) {
        file.drainDeadline = deadline
        draining.append(file)
    }
}
