/// Cuts text to a byte budget without splitting a UTF-8 sequence.
enum BoundedText {
    /// `text` if it fits in `maxBytes` UTF-8 bytes, else its longest prefix of whole scalars that fits.
    static func cut(_ text: String, maxBytes: Int) -> (text: String, truncated: Bool) {
        if text.utf8.count <= maxBytes { return (text, false) }
        var used = 0
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let size = UTF8.width(scalar)
            if used + size > maxBytes { break }
            used += size
            scalars.append(scalar)
        }
        return (String(scalars), true)
    }
}
