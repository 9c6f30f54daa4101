/// What the tokenizer needs to know about a byte, looked up in one table read.
enum ByteClass {
    /// ASCII whitespace: separates tokens.
    static let space: UInt8 = 1
    /// `0`–`9`: the token may hold a value and routes to the tree's wildcard branch.
    static let digit: UInt8 = 2
    /// `/`: the token may hold a path; also a delimiter.
    static let slash: UInt8 = 4
    /// Any other masking delimiter (``TokenMasker/isAnyDelimiter(_:)``): ends a word.
    static let delimiter: UInt8 = 8
    /// `*`: part of a wildcard, routes to the wildcard branch.
    static let star: UInt8 = 16

    /// Class bits of each byte value; 0 for a byte that continues a word.
    static let table: [UInt8] = (0...255).map { v in
        let c = UInt8(v)
        if c == 0x20 || (c >= 0x09 && c <= 0x0D) { return space }
        if TokenMasker.isDigit(c) { return digit }
        if c == 0x2F { return slash }
        if c == 0x2A { return star }
        return TokenMasker.isAnyDelimiter(c) ? delimiter : 0
    }
}
