/// HTML character references: numeric (`&#39;`, `&#x27;`) and the common named ones.
enum HTMLEntities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "copy": "©", "reg": "®",
        "trade": "™", "hellip": "…", "mdash": "—", "ndash": "–", "laquo": "«", "raquo": "»", "ldquo": "“",
        "rdquo": "”", "lsquo": "‘", "rsquo": "’", "bull": "•", "middot": "·", "times": "×", "euro": "€",
        "deg": "°", "para": "¶", "sect": "§", "shy": "", "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓",
    ]

    /// Decodes the reference at `bytes[i]` (an `&`) and moves `i` past it; an unknown or
    /// unterminated reference is kept as its `&` (and the scan continues after it).
    static func decode(_ bytes: [UInt8], at i: inout Int) -> [UInt8] {
        let start = i + 1
        var j = start
        while j < bytes.count, j - start < 32, bytes[j] != UInt8(ascii: ";"), bytes[j] != UInt8(ascii: "&"),
            bytes[j] > 0x20
        {
            j += 1
        }
        guard j < bytes.count, bytes[j] == UInt8(ascii: ";"), j > start,
            let text = value(String(decoding: bytes[start..<j], as: UTF8.self))
        else {
            i += 1
            return [UInt8(ascii: "&")]
        }
        i = j + 1
        return Array(text.utf8)
    }

    private static func value(_ name: String) -> String? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let code = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let code, code != 0, let scalar = Unicode.Scalar(code) else { return code == nil ? nil : "\u{FFFD}" }
            return String(Character(scalar))
        }
        return named[name]
    }
}
