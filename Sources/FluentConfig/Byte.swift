/// ASCII byte constants and classes used by the parser.
enum Byte {
    static let tab: UInt8 = 0x09
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let dquote: UInt8 = 0x22
    static let hash: UInt8 = 0x23
    static let squote: UInt8 = 0x27
    static let slash: UInt8 = 0x2F
    static let lt: UInt8 = 0x3C
    static let gt: UInt8 = 0x3E
    static let lbracket: UInt8 = 0x5B
    static let backslash: UInt8 = 0x5C
    static let rbracket: UInt8 = 0x5D
    static let lbrace: UInt8 = 0x7B
    static let rbrace: UInt8 = 0x7D

    static func isSpace(_ b: UInt8) -> Bool {
        b == space || b == tab || b == lf || b == cr
    }

    static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F
    }
}
