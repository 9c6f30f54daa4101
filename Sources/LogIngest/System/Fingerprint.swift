import Glibc

/// A hash of a file's first bytes (up to ``maxBytes``), used to tell a file apart from a later
/// file that reuses its inode, or from a truncated-and-rewritten version of itself.
///
/// The fingerprint remembers how many bytes it covers, so a file that has grown since still
/// matches: only the covered prefix is compared.
struct Fingerprint: Equatable, Sendable {
    /// Bytes hashed at most.
    static let maxBytes = 1024

    /// Number of leading bytes covered (0 for an empty file: matches anything).
    var length: Int
    /// FNV-1a 64-bit hash of those bytes.
    var hash: UInt64

    /// Reads the first `min(maxBytes, limit)` bytes of `fd` with `pread` and hashes them.
    /// Returns `nil` if the read fails.
    static func compute(fd: Int32, limit: Int64 = Int64(maxBytes)) -> Fingerprint? {
        let want = Int(max(0, min(Int64(maxBytes), limit)))
        var buffer = [UInt8](repeating: 0, count: max(want, 1))
        var got = 0
        while got < want {
            let n = buffer.withUnsafeMutableBytes { raw in
                pread(fd, raw.baseAddress! + got, want - got, off_t(got))
            }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            got += n
        }
        return Fingerprint(length: got, hash: fnv1a(buffer[0..<got]))
    }

    /// True when `fd` still starts with the bytes this fingerprint covers.
    /// A file shorter than the covered prefix does not match.
    func matches(fd: Int32) -> Bool {
        if length == 0 { return true }
        guard let now = Fingerprint.compute(fd: fd, limit: Int64(length)) else { return false }
        return now.length == length && now.hash == hash
    }

    /// The fingerprint of the first `min(maxBytes, bytes.count)` bytes of `bytes` (a file's
    /// head already in memory, such as the decompressed head of a rotated `.gz` file).
    static func of(_ bytes: some Collection<UInt8>) -> Fingerprint {
        let head = Array(bytes.prefix(maxBytes))
        return Fingerprint(length: head.count, hash: fnv1a(head[...]))
    }

    /// True when `head` starts with the bytes this fingerprint covers (`head` may be longer).
    func matches(head: [UInt8]) -> Bool {
        guard head.count >= length else { return false }
        return Fingerprint.fnv1a(head[0..<length]) == hash
    }

    /// Whether this fingerprint is strong enough to tell a file's copy from another file by the
    /// head alone: it covers at least ``minimumBytes``. Shorter heads (tiny files, short
    /// identical banners) are never used to declare two files the same content.
    var isDistinctive: Bool { length >= Fingerprint.minimumBytes }

    /// Shortest head used to recognise copies (see ``isDistinctive``).
    static let minimumBytes = 256

    private static func fnv1a(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }
}
