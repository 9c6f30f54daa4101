import Foundation

/// Decides whether submitted bytes are text and decodes them.
///
/// Binary: a NUL byte anywhere, or more than 10% control characters (other than tab, line feed,
/// carriage return, form feed, vertical tab and escape, which logs use) in the first 8 KiB.
/// Invalid UTF-8 is not binary: it is kept, with replacement characters.
public enum TextContent {
    /// Bytes looked at for the control-character ratio.
    public static let sniffBytes = 8192

    /// True when `bytes` are not text by the rule above.
    public static func isBinary(_ bytes: some Collection<UInt8>) -> Bool {
        if bytes.contains(0) { return true }
        var controls = 0
        var seen = 0
        for b in bytes.prefix(sniffBytes) {
            seen += 1
            if b < 0x20 && !(0x09...0x0d).contains(b) && b != 0x1b || b == 0x7f { controls += 1 }
        }
        return seen > 0 && controls * 10 > seen
    }

    /// The bytes as text (UTF-8, or ISO-8859-1 / Windows-1252 when `charset` says so; invalid
    /// UTF-8 replaced with U+FFFD); nil when they are binary.
    public static func decode(_ bytes: some Collection<UInt8>, charset: String? = nil) -> String? {
        guard !isBinary(bytes) else { return nil }
        switch charset?.lowercased() {
        case "iso-8859-1", "latin1", "iso_8859-1", "us-ascii":
            return String(data: Data(bytes), encoding: .isoLatin1)
        case "windows-1252", "cp1252":
            return String(data: Data(bytes), encoding: .windowsCP1252) ?? String(decoding: Array(bytes), as: UTF8.self)
        default:
            return String(decoding: Array(bytes), as: UTF8.self)
        }
    }
}
