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
        /// A rotated file that was still being read at the last stop, found under a name the
        /// patterns do not match: read to its end from its checkpoint, then closed.
        case resumedDrain
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
    /// directories and forgets checkpoints and remembered files that are gone.
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
        deferredCopies = deferredCopies.filter { matched.contains($0.key) }
        if compressedRetries.count > config.maxOpenFiles {
            // Bound: files that vanished before their retry; forgetting one only rereads it.
            compressedRetries.removeAll()
        }
        let pruned = ledger.pruneDone { r in
            if case .success(let st) = FileStatus.of(path: r.path), st.identity == r.identity { return true }
            return false
        }
        if pruned { checkpointDirty = true }
    }

    /// After the first scan: rotated files that were being read at the last stop and still
    /// exist under their new (unmatched) name are read to their end from their checkpoint.
    func resumeDraining() {
        for (path, cp) in carried {
            guard case .success(let st) = FileStatus.of(path: path), st.identity.inode == cp.inode,
                let prev = ledger.previous[st.identity], prev.kind == .drain, prev.path == path
            else { continue }
            open(path, reason: .resumedDrain)
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
        if case .success(let pre) = FileStatus.of(path: path) {
            // Cheap checks before opening: files skipped, already read, or already open.
            if binaryFiles.contains(pre.identity) { return }
            if ledger.isDone(pre.identity, size: pre.size, fingerprint: nil), let done = ledger.done[pre.identity],
                isDoneStill(path: path, done)
            {
                return
            }
            if let known = openFile(with: pre.identity) {
                reopened(known, at: path)
                return
            }
        }
        if active.count + draining.count + compressed.count >= config.maxOpenFiles {
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
        warned.remove("open:" + path)
        overLimit.remove(path)
        let head = readHead(fd: fd, size: st.size)
        let format = CompressionFormat.sniff(head)
        if format != .plain {
            openCompressed(path, fd: fd, status: st, rawHead: head, format: format, reason: reason)
            return
        }
        if memchrNUL(head) {
            close(fd)
            skipBinary(path: path, identity: st.identity)
            return
        }
        openPlain(path, fd: fd, status: st, head: head, reason: reason)
    }

    /// The done record still describes the file at `path` (same raw head).
    private func isDoneStill(path: String, _ done: StreamRecord) -> Bool {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if fd < 0 { return true }
        defer { close(fd) }
        guard let fp = Fingerprint.compute(fd: fd) else { return true }
        return fp == done.fingerprint
    }

    private func openPlain(_ path: String, fd: Int32, status st: FileStatus, head: [UInt8], reason: OpenReason) {
        let prev = ledger.previous.removeValue(forKey: st.identity)
        let prevMatches = prev.map { $0.kind != .reading && $0.fingerprint.matches(head: head) } ?? false
        var start: Int64 = 0
        var resumed = false
        var inherited: AckFloor.Inherited?
        if reason == .rotatedIn {
            carried.removeValue(forKey: path)  // it described the file rotated away
        } else if let cp = takeCheckpoint(path: path, identity: st.identity, head: head) {
            if cp.inode == st.identity.inode && cp.offset <= st.size && (prev == nil || prevMatches) {
                start = cp.offset
                resumed = true
            } else {
                metrics.truncations.increment()
                logger.info("checkpoint does not match the file (truncated, replaced or inode reused), reading from head",
                            metadata: ["path": "\(path)", "offset": "\(cp.offset)", "size": "\(st.size)"])
            }
        } else if let prev, prevMatches, prev.offset <= st.size {
            // The sidecar knows this very file (renamed while the agent was down, its pos_file
            // entry taken by the new file at the old name): resume where it was.
            start = prev.offset
            resumed = true
        } else {
            switch copyOrigin(path: path, identity: st.identity, head: head, maySkip: true) {
            case .deferred:
                close(fd)
                return
            case .continues(let e):
                start = min(e.hi, st.size)
                inherited = AckFloor.Inherited(streamID: e.record.streamID, from: min(e.safePosition(acks), start), upTo: start)
                logger.info("file is a copy of a file already read, continuing after the copied part",
                            metadata: ["path": "\(path)", "offset": "\(start)", "copy_of": "\(e.record.path)"])
            case .independent:
                if reason == .startup && !config.readFromHead { start = st.size }
            }
        }
        let generation: Int
        if resumed, let prev, prevMatches {
            generation = prev.generation
            ledger.removeEnded(streamID: prev.streamID)
        } else {
            generation = ledger.nextGeneration(st.identity)
        }
        let file = TailedFile(
            path: path, tag: config.tag(forPath: path), fd: fd, status: st, start: start, maxLineBytes: config.maxLineSize,
            generation: generation, inherited: inherited)
        file.headChecked = min(st.size, TailLoop.binaryCheckBytes)
        if let watcher, case .success(let wd) = watcher.watchFile(path) { file.watch = wd }
        if reason == .resumedDrain {
            carried.removeValue(forKey: path)
            startDraining(file, deadline: clock.now.advanced(by: .seconds(config.rotateWait)))
        } else {
            active[path] = file
        }
        checkpointDirty = true
        logger.debug("following file", metadata: ["path": "\(path)", "offset": "\(start)", "stream": "\(file.streamID)"])
    }

    /// What a new file without a checkpoint is, judged by its head.
    enum CopyOrigin {
        /// Not recognisably a copy: read by the usual rules.
        case independent
        /// Same head as a file still being read: wait (a copytruncate's truncation follows).
        case deferred
        /// A copy of a stream already read up to `hi`: continue there.
        case continues(StreamLedger.Ended)
    }

    /// Decides whether `head` is the start of a copy of data already read. A plain file that
    /// matches a file still open is deferred up to `rotate_wait` (then read as independent);
    /// a compressed one (`maySkip` false) is deferred until that file is closed.
    func copyOrigin(path: String, identity: FileIdentity, head: [UInt8], maySkip: Bool) -> CopyOrigin {
        guard Fingerprint.of(head).isDistinctive else { return .independent }
        let live = (Array(active.values) + draining).contains { f in
            guard f.identity != identity, let fp = f.fingerprint, fp.isDistinctive else { return false }
            return fp.matches(head: head)
        }
        if live {
            if !maySkip { return .deferred }
            let t = clock.now
            let first = deferredCopies[path] ?? t
            if deferredCopies[path] == nil && deferredCopies.count < 4096 { deferredCopies[path] = t }
            if t - first < .seconds(config.rotateWait) { return .deferred }
            deferredCopies.removeValue(forKey: path)
            return .independent
        }
        deferredCopies.removeValue(forKey: path)
        if let e = ledger.matchCopy(head: head, excluding: identity) { return .continues(e) }
        return .independent
    }

    /// Up to 8 KiB from the start of `fd` (fewer for a shorter file).
    func readHead(fd: Int32, size: Int64) -> [UInt8] {
        let n = Int(min(max(size, 0), TailLoop.binaryCheckBytes))
        guard n > 0 else { return [] }
        var out = [UInt8](repeating: 0, count: n)
        var got = 0
        while got < n {
            let r = out.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + got, n - got, off_t(got)) }
            if r < 0 && errno == EINTR { continue }
            if r <= 0 { break }
            got += r
        }
        out.removeLast(n - got)
        return out
    }

    func memchrNUL(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw in raw.count > 0 && memchr(raw.baseAddress!, 0, raw.count) != nil }
    }

    func skipBinary(path: String, identity: FileIdentity) {
        binaryFiles.insert(identity)
        metrics.binaryFiles.increment()
        logger.warning("binary file (NUL bytes in the first 8 KiB), skipped", metadata: ["path": "\(path)"])
    }

    /// The open file (followed, draining or compressed) with this identity.
    func openFile(with identity: FileIdentity) -> TailedFile? {
        for f in active.values where f.identity == identity { return f }
        for f in draining where f.identity == identity { return f }
        for f in compressed where f.identity == identity { return f }
        for f in completing where f.identity == identity { return f }
        return nil
    }

    /// A file already open turned up at `path`: a rotated file renamed into a followed name
    /// is adopted there (its pos_file entry moves with it); a hard link is followed once.
    private func reopened(_ file: TailedFile, at path: String) {
        if file.isCompressed || file.path == path && active[path] === file { return }
        if let i = draining.firstIndex(where: { $0 === file }) {
            draining.remove(at: i)
            adopt(file, at: path)
            return
        }
        guard let oldPath = active.first(where: { $0.value === file })?.key else { return }
        if case .success(let st) = FileStatus.of(path: oldPath), st.identity == file.identity {
            warnOnce("link:" + path, "same file under two paths (hard link), followed once",
                     ["path": "\(path)", "followed_as": "\(oldPath)"])
            return
        }
        active.removeValue(forKey: oldPath)
        metrics.rotations.increment()
        adopt(file, at: path)
    }

    private func adopt(_ file: TailedFile, at path: String) {
        logger.debug("rotated file followed under its new name", metadata: ["path": "\(file.path)", "now": "\(path)"])
        file.path = path
        file.tag = config.tag(forPath: path)
        file.drainDeadline = nil
        carried.removeValue(forKey: path)
        if let watcher {
            if let wd = file.watch { watcher.remove(wd) }
            file.watch = try? watcher.watchFile(path).get()
        }
        active[path] = file
        checkpointDirty = true
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
