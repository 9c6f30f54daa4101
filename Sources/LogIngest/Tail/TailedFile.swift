import FaultMavenCore

import Glibc

/// One open file being followed: its descriptor, identity and read/commit positions.
///
/// Owned by the tail loop's task only. Reads use `pread` at ``readOffset`` so the descriptor's
/// own position never matters.
final class TailedFile {
    /// The concrete path the file was opened under.
    let path: String
    let tag: String
    let identity: FileIdentity
    let fd: Int32
    /// inotify watch descriptor on the file, if any.
    var watch: Int32?

    /// Next byte to read.
    var readOffset: Int64
    /// Offset after the last line accepted downstream: what the checkpoint records.
    var committedOffset: Int64
    /// Size seen at the last service.
    var size: Int64
    /// Line number given to the next line.
    var nextNumber = 1
    /// Bumped at each truncation so commits of lines from before it are ignored.
    var generation = 0
    var splitter: LineSplitter
    /// Hash of the leading bytes, to notice a truncate-and-rewrite that outgrew the old offset.
    var fingerprint: Fingerprint?
    /// Leading bytes already checked for NUL (binary content).
    var headChecked: Int64 = 0

    /// Set when the file no longer is the one at ``path`` (renamed away or replaced): read on
    /// until this instant, then close.
    var drainDeadline: ContinuousClock.Instant?
    /// The last turn stopped at `read_lines_limit` with data left.
    var hasMore = false

    init(path: String, tag: String, fd: Int32, status: FileStatus, start: Int64, maxLineBytes: Int) {
        self.path = path
        self.tag = tag
        self.fd = fd
        self.identity = status.identity
        self.size = status.size
        self.readOffset = start
        self.committedOffset = start
        self.splitter = LineSplitter(maxLineBytes: maxLineBytes, startOffset: start)
        self.fingerprint = status.size > 0 ? Fingerprint.compute(fd: fd) : nil
    }

    deinit { close(fd) }

    /// Forgets everything read: the file was truncated or rewritten, read it again from 0.
    func restartFromHead() {
        readOffset = 0
        committedOffset = 0
        nextNumber = 1
        generation += 1
        headChecked = 0
        splitter.reset(offset: 0)
        fingerprint = nil
    }

    /// True when the file still starts with the bytes seen earlier.
    func fingerprintMatches() -> Bool {
        guard let fp = fingerprint else { return true }
        return fp.matches(fd: fd)
    }

    /// Extends the fingerprint while it covers less than its maximum and the file grew.
    func refreshFingerprint() {
        if let fp = fingerprint, fp.length >= Fingerprint.maxBytes { return }
        if size > Int64(fingerprint?.length ?? 0) { fingerprint = Fingerprint.compute(fd: fd) }
    }
}
