import Glibc

/// What a file *is*, independent of the name it currently has: device and inode.
///
/// Inodes are reused after a file is deleted, so a long-lived identity is paired with a
/// content fingerprint (see ``Fingerprint``) where that matters.
struct FileIdentity: Hashable, Sendable, CustomStringConvertible {
    var device: UInt64
    var inode: UInt64

    init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }

    init(_ st: stat) {
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
    }

    var description: String { "dev \(device) inode \(inode)" }
}

/// The result of `stat`/`fstat` reduced to what tailing needs.
struct FileStatus: Sendable {
    var identity: FileIdentity
    var size: Int64
    var isRegular: Bool
    var isDirectory: Bool
    var linkCount: UInt64

    init(_ st: stat) {
        identity = FileIdentity(st)
        size = Int64(st.st_size)
        let type = st.st_mode & S_IFMT
        isRegular = type == S_IFREG
        isDirectory = type == S_IFDIR
        linkCount = UInt64(st.st_nlink)
    }

    /// `stat(path)`, or the `errno` on failure.
    static func of(path: String) -> Result<FileStatus, SystemErrno> {
        var st = stat()
        if stat(path, &st) != 0 { return .failure(SystemErrno(code: errno)) }
        return .success(FileStatus(st))
    }

    /// `fstat(fd)`, or the `errno` on failure.
    static func of(fd: Int32) -> Result<FileStatus, SystemErrno> {
        var st = stat()
        if fstat(fd, &st) != 0 { return .failure(SystemErrno(code: errno)) }
        return .success(FileStatus(st))
    }
}

/// An `errno` value carried as an `Error`.
struct SystemErrno: Error, Sendable, Equatable {
    var code: Int32
    var message: String { SystemError.message(code) }
}
