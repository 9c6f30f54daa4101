/// One line of the tail state sidecar (see ``TailStateFile``): what the source knows about a
/// file's stream beyond Fluentd's pos_file.
struct StreamRecord: Equatable, Sendable {
    enum Kind: String, Sendable {
        /// A plain file followed at its path.
        case open
        /// A plain file rotated away (renamed), still being read; `path` is its current name.
        case drain
        /// A compressed file being read; `fingerprint` covers its raw (compressed) head.
        case reading
        /// A stream that ended (file closed, truncated or replaced) after being read up to
        /// `offset`; kept to recognise copies of it (copytruncate, compression).
        case ended
        /// A compressed file read to its end and acknowledged; never read again while the
        /// file with this identity, size and raw head exists.
        case done
    }

    var kind: Kind
    var identity: FileIdentity
    var generation: Int
    /// Head of the content (decompressed content for `ended`; raw head for `reading`/`done`).
    var fingerprint: Fingerprint
    /// Checkpoint: position in the content that is safe to resume from.
    var offset: Int64
    /// Raw file size (`reading`, `done`); 0 otherwise.
    var size: Int64
    var path: String

    var streamID: String { TailedFile.streamID(identity, generation) }

    /// `kind dev inode gen fplen fphash offset size path`, tab-separated (path last, so it may
    /// hold tabs). `nil` for paths holding a newline (not representable).
    func render() -> String? {
        guard !path.contains("\n") else { return nil }
        let cols: [String] = [
            kind.rawValue, String(identity.device), String(identity.inode), String(generation),
            String(fingerprint.length), String(fingerprint.hash, radix: 16), String(offset), String(size), path,
        ]
        return cols.joined(separator: "\t")
    }

    /// Parses a line made by ``render()``; `nil` when it is not one.
    static func parse<S: StringProtocol>(_ line: S) -> StreamRecord? {
        let cols = line.split(separator: "\t", maxSplits: 8, omittingEmptySubsequences: false)
        guard cols.count == 9, let kind = Kind(rawValue: String(cols[0])),
            let dev = UInt64(cols[1]), let ino = UInt64(cols[2]), let gen = Int(cols[3]), gen >= 0,
            let fplen = Int(cols[4]), fplen >= 0, fplen <= Fingerprint.maxBytes,
            let hash = UInt64(cols[5], radix: 16), let offset = Int64(cols[6]), offset >= 0,
            let size = Int64(cols[7]), size >= 0, !cols[8].isEmpty
        else { return nil }
        return StreamRecord(
            kind: kind, identity: FileIdentity(device: dev, inode: ino), generation: gen,
            fingerprint: Fingerprint(length: fplen, hash: hash), offset: offset, size: size, path: String(cols[8]))
    }
}
