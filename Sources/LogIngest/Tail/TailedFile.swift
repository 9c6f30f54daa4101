import FaultMavenCore

import Glibc

/// One open file being followed: its descriptor, identity, stream and read/commit positions.
///
/// Owned by the tail loop's task only. Plain files are read with `pread` at ``readOffset`` so
/// the descriptor's own position never matters; compressed files (``decoder`` set) are read
/// once, sequentially, and ``readOffset`` counts decompressed bytes.
final class TailedFile {
    /// The concrete path the file is followed under (changes when a rotated file is adopted
    /// under its new name).
    var path: String { didSet { origin = nil } }
    var tag: String { didSet { origin = nil } }
    /// Shared by the lines of the current stream; rebuilt when path, tag or stream change.
    private var origin: LineOrigin?
    let identity: FileIdentity
    let fd: Int32
    /// inotify watch descriptor on the file, if any.
    var watch: Int32?

    /// Next byte to read (decompressed bytes for compressed files).
    var readOffset: Int64
    /// Offset after the last line accepted downstream (`send` returned).
    var committedOffset: Int64
    /// Offset after the last line handed to the pending batch.
    var lastLineEnd: Int64
    /// Size seen at the last service (raw file size).
    var size: Int64
    /// Line number given to the next line.
    var nextNumber = 1
    /// Bumped at each truncation or replacement in place; part of ``streamID``.
    private(set) var generation: Int
    /// `"<device>:<inode>:<generation>"`: the stream `RawLine.streamID` names.
    private(set) var streamID: String { didSet { origin = nil } }
    /// Where the current stream's checkpoint may go, given the acknowledgements.
    var floor: AckFloor
    var splitter: LineSplitter
    /// Hash of the leading bytes, to notice a truncate-and-rewrite that outgrew the old offset
    /// (for compressed files: of the raw, compressed head).
    var fingerprint: Fingerprint?
    /// Leading bytes already checked for NUL (binary content).
    var headChecked: Int64 = 0

    /// Set when the file no longer is the one at ``path`` (renamed away or replaced): read on
    /// until this instant, then close.
    var drainDeadline: ContinuousClock.Instant?
    /// The last turn stopped at `read_lines_limit` with data left.
    var hasMore = false

    /// Decoder of a compressed file; `nil` for plain files.
    var decoder: (any ByteDecoder)?
    /// Decompressed bytes already pulled from ``decoder`` (the sniffed head) still to be fed.
    var prefix: [UInt8] = []
    /// Decompressed bytes before this position were delivered before: decoded and dropped.
    var skipTo: Int64 = 0
    /// Decompressed length, once the end of a compressed file was reached.
    var endOfData: Int64?

    init(
        path: String, tag: String, fd: Int32, status: FileStatus, start: Int64, maxLineBytes: Int,
        generation: Int, inherited: AckFloor.Inherited? = nil
    ) {
        self.path = path
        self.tag = tag
        self.fd = fd
        self.identity = status.identity
        self.size = status.size
        self.readOffset = start
        self.committedOffset = start
        self.lastLineEnd = start
        self.generation = generation
        let id = TailedFile.streamID(status.identity, generation)
        self.streamID = id
        self.floor = AckFloor(streamID: id, start: start, inherited: inherited)
        self.splitter = LineSplitter(maxLineBytes: maxLineBytes, startOffset: start)
        self.fingerprint = status.size > 0 ? Fingerprint.compute(fd: fd) : nil
    }

    deinit { close(fd) }

    static func streamID(_ identity: FileIdentity, _ generation: Int) -> String {
        "\(identity.device):\(identity.inode):\(generation)"
    }

    var isCompressed: Bool { decoder != nil }

    /// Forgets everything read: the file was truncated or rewritten, read it again from 0
    /// as a new stream.
    func restartFromHead() {
        readOffset = 0
        committedOffset = 0
        lastLineEnd = 0
        nextNumber = 1
        generation += 1
        streamID = TailedFile.streamID(identity, generation)
        floor = AckFloor(streamID: streamID, start: 0)
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

    /// The origin lines read now carry (one object per stream, not four strings per line).
    func lineOrigin(source: String) -> LineOrigin {
        if let o = origin, o.source == source { return o }
        let o = LineOrigin(source: source, path: path, tag: tag, streamID: streamID)
        origin = o
        return o
    }
}
