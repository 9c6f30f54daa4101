/// How a file's bytes are stored. Decided by magic bytes; the file name's extension only
/// makes a mismatch an error (a `.gz` file that is not gzip).
public enum CompressionFormat: String, Sendable, Equatable {
    case plain
    case gzip
    case zstd

    /// The format the leading bytes announce (gzip `1f 8b`, zstd `28 b5 2f fd`), else `.plain`.
    public static func sniff(_ head: some Collection<UInt8>) -> CompressionFormat {
        let b = Array(head.prefix(4))
        if b.count >= 2 && b[0] == 0x1F && b[1] == 0x8B { return .gzip }
        if b.count >= 4 && b[0] == 0x28 && b[1] == 0xB5 && b[2] == 0x2F && b[3] == 0xFD { return .zstd }
        return .plain
    }

    /// The format a file name's extension promises (`.gz`, `.zst`), if any.
    public static func fromExtension(_ path: String) -> CompressionFormat? {
        let lower = path.lowercased()
        if lower.hasSuffix(".gz") { return .gzip }
        if lower.hasSuffix(".zst") || lower.hasSuffix(".zstd") { return .zstd }
        return nil
    }
}
