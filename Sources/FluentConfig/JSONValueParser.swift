/// A strict JSON parser (RFC 8259) over UTF-8 bytes with a nesting-depth cap, so that hostile
/// input cannot exhaust the stack.
struct JSONValueParser {
    /// Why a JSON text was rejected.
    struct Failure: Error, Sendable {
        let message: String
    }

    private let bytes: [UInt8]
    private var pos = 0
    private let maxDepth: Int

    init(_ text: String, maxDepth: Int) {
        self.bytes = Array(text.utf8)
        self.maxDepth = maxDepth
    }

    /// Parses the whole text as one JSON value.
    static func parse(_ text: String, maxDepth: Int = 64) throws(Failure) -> JSONValue {
        var parser = JSONValueParser(text, maxDepth: maxDepth)
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        guard parser.pos == parser.bytes.count else {
            throw Failure(message: "unexpected text after the JSON value")
        }
        return value
    }

    private mutating func skipWhitespace() {
        while pos < bytes.count, bytes[pos] == 0x20 || bytes[pos] == 0x09 || bytes[pos] == 0x0A || bytes[pos] == 0x0D {
            pos += 1
        }
    }

    private mutating func parseValue(depth: Int) throws(Failure) -> JSONValue {
        guard depth < maxDepth else { throw Failure(message: "JSON nested deeper than \(maxDepth) levels") }
        guard pos < bytes.count else { throw Failure(message: "unexpected end of JSON") }
        switch bytes[pos] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth)
        case UInt8(ascii: "["): return try parseArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default:
            throw Failure(message: "unexpected character '\(Self.show(bytes[pos]))' in JSON")
        }
    }

    private mutating func parseObject(depth: Int) throws(Failure) -> JSONValue {
        pos += 1
        var members: [(key: String, value: JSONValue)] = []
        skipWhitespace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") {
            pos += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else {
                throw Failure(message: "expected a quoted key in JSON object")
            }
            let key = try parseString()
            skipWhitespace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else {
                throw Failure(message: "expected ':' after key \"\(key)\" in JSON object")
            }
            pos += 1
            skipWhitespace()
            members.append((key, try parseValue(depth: depth + 1)))
            skipWhitespace()
            guard pos < bytes.count else { throw Failure(message: "unexpected end of JSON object") }
            if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if bytes[pos] == UInt8(ascii: "}") { pos += 1; return .object(members) }
            throw Failure(message: "expected ',' or '}' in JSON object, got '\(Self.show(bytes[pos]))'")
        }
    }

    private mutating func parseArray(depth: Int) throws(Failure) -> JSONValue {
        pos += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") {
            pos += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            guard pos < bytes.count else { throw Failure(message: "unexpected end of JSON array") }
            if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(elements) }
            throw Failure(message: "expected ',' or ']' in JSON array, got '\(Self.show(bytes[pos]))'")
        }
    }

    private mutating func expectWord(_ word: String) throws(Failure) {
        let w = Array(word.utf8)
        guard pos + w.count <= bytes.count, Array(bytes[pos..<pos + w.count]) == w else {
            throw Failure(message: "invalid literal in JSON (expected '\(word)')")
        }
        pos += w.count
    }

    private mutating func parseNumber() throws(Failure) -> Double {
        let start = pos
        if bytes[pos] == UInt8(ascii: "-") { pos += 1 }
        let digitsStart = pos
        while pos < bytes.count, Self.isDigit(bytes[pos]) { pos += 1 }
        guard pos > digitsStart else { throw Failure(message: "invalid number in JSON") }
        if bytes[digitsStart] == UInt8(ascii: "0"), pos - digitsStart > 1 {
            throw Failure(message: "invalid number in JSON (leading zero)")
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
            pos += 1
            let fractionStart = pos
            while pos < bytes.count, Self.isDigit(bytes[pos]) { pos += 1 }
            guard pos > fractionStart else { throw Failure(message: "invalid number in JSON") }
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
            pos += 1
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") { pos += 1 }
            let expStart = pos
            while pos < bytes.count, Self.isDigit(bytes[pos]) { pos += 1 }
            guard pos > expStart else { throw Failure(message: "invalid number in JSON") }
        }
        let text = String(decoding: bytes[start..<pos], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw Failure(message: "number out of range in JSON: \(text)")
        }
        return value
    }

    private mutating func parseString() throws(Failure) -> String {
        pos += 1
        var out: [UInt8] = []
        while pos < bytes.count {
            let b = bytes[pos]
            switch b {
            case UInt8(ascii: "\""):
                pos += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                pos += 1
                guard pos < bytes.count else { break }
                let e = bytes[pos]
                pos += 1
                switch e {
                case UInt8(ascii: "\""): out.append(e)
                case UInt8(ascii: "\\"): out.append(e)
                case UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"): out.append(contentsOf: try parseUnicodeEscape())
                default:
                    throw Failure(message: "invalid escape '\\\(Self.show(e))' in JSON string")
                }
            default:
                guard b >= 0x20 else {
                    throw Failure(message: "control character or line break inside a JSON string")
                }
                out.append(b)
                pos += 1
            }
        }
        throw Failure(message: "unterminated JSON string")
    }

    private mutating func parseHex4() throws(Failure) -> UInt32 {
        guard pos + 4 <= bytes.count,
              let v = UInt32(String(decoding: bytes[pos..<pos + 4], as: UTF8.self), radix: 16)
        else { throw Failure(message: "invalid \\u escape in JSON string") }
        pos += 4
        return v
    }

    private mutating func parseUnicodeEscape() throws(Failure) -> [UInt8] {
        var code = try parseHex4()
        if (0xD800...0xDBFF).contains(code) {
            guard pos + 2 <= bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u") else {
                throw Failure(message: "unpaired surrogate in JSON string")
            }
            pos += 2
            let low = try parseHex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw Failure(message: "unpaired surrogate in JSON string") }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(code) {
            throw Failure(message: "unpaired surrogate in JSON string")
        }
        guard let scalar = Unicode.Scalar(code) else { throw Failure(message: "invalid \\u escape in JSON string") }
        return Array(String(Character(scalar)).utf8)
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    static func show(_ b: UInt8) -> String {
        b >= 0x20 && b < 0x7F ? String(UnicodeScalar(b)) : "\\x" + String(b, radix: 16)
    }
}
