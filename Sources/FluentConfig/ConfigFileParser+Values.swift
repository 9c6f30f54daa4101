extension ConfigFileParser {
    /// Reads the value after a key, whose first byte is at `pos` (not a line end or comment).
    mutating func scanValue(key: String, location: SourceLocation, session: inout ParseSession) throws -> ConfigParam {
        let first = bytes[pos]
        let value: String
        let style: ConfigValueStyle
        var json: JSONValue?
        switch first {
        case Byte.dquote:
            value = try scanDoubleQuoted(environment: session.environment, warnings: &session.warnings)
            style = .doubleQuoted
        case Byte.squote:
            value = try scanSingleQuoted()
            style = .singleQuoted
        case Byte.lbracket, Byte.lbrace:
            (value, json) = try scanJSON(key: key, maxDepth: session.limits.maxJSONDepth)
            style = .json
        case Byte.slash:
            if let regex = scanRegexLiteral() {
                value = regex
                style = .regex
            } else {
                value = scanBare()
                style = .bare
            }
        default:
            value = scanBare()
            style = .bare
        }
        guard lineEnd() else {
            let rest = restOfLine()
            throw fail("unexpected text after the value of '\(key)': '\(ValueConverter.clip(rest, limit: 40))'")
        }
        return ConfigParam(name: key, value: value, style: style, location: location, json: json)
    }

    /// An unquoted value: to the end of the line, cut at a `#` that follows a blank (a comment),
    /// trailing blanks removed. A `#` inside a word (`a#b`) is kept, as in Fluentd.
    mutating func scanBare() -> String {
        let start = pos
        var end = pos
        while pos < bytes.count, bytes[pos] != Byte.lf {
            let b = bytes[pos]
            if b == Byte.hash, pos > start, bytes[pos - 1] == Byte.space || bytes[pos - 1] == Byte.tab { break }
            pos += 1
            if b != Byte.space, b != Byte.tab, b != Byte.cr { end = pos }
        }
        pos = end
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// A `/regex/flags` literal closed on the same line: the closing slash is the last one
    /// followed only by flags (`i`, `m`, `x`), blanks and an optional comment. Returns `nil`
    /// (position unchanged) when the line has no such slash.
    mutating func scanRegexLiteral() -> String? {
        let start = pos
        var lineEndIndex = pos
        while lineEndIndex < bytes.count, bytes[lineEndIndex] != Byte.lf { lineEndIndex += 1 }
        var candidate = lineEndIndex - 1
        var attempts = 0
        while candidate > start, attempts < 64 {
            if bytes[candidate] == Byte.slash {
                attempts += 1
                var k = candidate + 1
                while k < lineEndIndex, bytes[k] == 0x69 || bytes[k] == 0x6D || bytes[k] == 0x78 { k += 1 }
                let flagsEnd = k
                var sawBlank = false
                while k < lineEndIndex, bytes[k] == Byte.space || bytes[k] == Byte.tab || bytes[k] == Byte.cr {
                    k += 1
                    sawBlank = true
                }
                if k == lineEndIndex || (sawBlank && bytes[k] == Byte.hash) {
                    pos = flagsEnd
                    return String(decoding: bytes[start..<flagsEnd], as: UTF8.self)
                }
            }
            candidate -= 1
        }
        return nil
    }

    /// A `"…"` string (may span lines): `\"`, `\\`, `\n`, `\t`, `\r`, `\f`, `\b`, other symbols
    /// stand for themselves, `\` before another letter or digit is an error; `#{ENV["NAME"]}` is
    /// replaced by the variable's value.
    mutating func scanDoubleQuoted(environment: [String: String], warnings: inout [Diagnostic]) throws -> String {
        let startLine = line
        pos += 1
        var out: [UInt8] = []
        while pos < bytes.count {
            let b = bytes[pos]
            switch b {
            case Byte.dquote:
                pos += 1
                return String(decoding: out, as: UTF8.self)
            case Byte.backslash:
                guard pos + 1 < bytes.count else { pos += 1; continue }
                let e = bytes[pos + 1]
                pos += 2
                switch e {
                case 0x6E: out.append(Byte.lf)           // n
                case 0x74: out.append(Byte.tab)          // t
                case 0x72: out.append(Byte.cr)           // r
                case 0x66: out.append(0x0C)              // f
                case 0x62: out.append(0x08)              // b
                case Byte.lf: line += 1; out.append(e)
                default:
                    if Byte.isNameByte(e), e != 0x5F {
                        throw fail("unknown escape '\\\(Character(UnicodeScalar(e)))' in a double-quoted string (write '\\\\' for a backslash, or use single quotes)")
                    }
                    out.append(e)
                }
            case Byte.hash where pos + 1 < bytes.count && bytes[pos + 1] == Byte.lbrace:
                let codeLine = line
                let code = try scanEmbeddedCode()
                do {
                    switch try EmbeddedCode.evaluate(code, environment: environment) {
                    case .value(let v):
                        out.append(contentsOf: v.utf8)
                    case .unset(let name):
                        warnings.append(.warning("environment variable '\(name)' is not set; using an empty string", at: SourceLocation(file: file, line: codeLine)))
                    }
                } catch {
                    throw fail(error.message, line: codeLine)
                }
            default:
                if b == Byte.lf { line += 1 }
                out.append(b)
                pos += 1
            }
        }
        throw fail("unterminated double-quoted string (the closing '\"' is missing)", line: startLine)
    }

    /// The code of `#{…}` (position at `#`), braces and quotes inside it balanced.
    private mutating func scanEmbeddedCode() throws -> String {
        let startLine = line
        pos += 2
        let start = pos
        var depth = 0
        var quote: UInt8?
        while pos < bytes.count {
            let b = bytes[pos]
            if b == Byte.lf { line += 1 }
            if let q = quote {
                if b == Byte.backslash { pos += 2; continue }
                if b == q { quote = nil }
            } else if b == Byte.dquote || b == Byte.squote {
                quote = b
            } else if b == Byte.lbrace {
                depth += 1
            } else if b == Byte.rbrace {
                if depth == 0 {
                    let code = String(decoding: bytes[start..<pos], as: UTF8.self)
                    pos += 1
                    return code
                }
                depth -= 1
            }
            pos += 1
        }
        throw fail("unterminated embedded code '#{' (the closing '}' is missing)", line: startLine)
    }

    /// A `'…'` string (may span lines): only `\'` and `\\` are escapes.
    mutating func scanSingleQuoted() throws -> String {
        let startLine = line
        pos += 1
        var out: [UInt8] = []
        while pos < bytes.count {
            let b = bytes[pos]
            if b == Byte.squote {
                pos += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b == Byte.backslash, pos + 1 < bytes.count, bytes[pos + 1] == Byte.squote || bytes[pos + 1] == Byte.backslash {
                out.append(bytes[pos + 1])
                pos += 2
                continue
            }
            if b == Byte.lf { line += 1 }
            out.append(b)
            pos += 1
        }
        throw fail("unterminated single-quoted string (the closing \"'\" is missing)", line: startLine)
    }

    /// A JSON array or object starting at `pos`, continued across lines until its brackets
    /// balance; `#` outside JSON strings starts a comment. The JSON is then parsed strictly.
    mutating func scanJSON(key: String, maxDepth: Int) throws -> (String, JSONValue) {
        let startLine = line
        let kind = bytes[pos] == Byte.lbracket ? "array" : "hash"
        var text: [UInt8] = []
        var closers: [UInt8] = []
        var inString = false
        while pos < bytes.count {
            let b = bytes[pos]
            if inString {
                text.append(b)
                pos += 1
                if b == Byte.backslash, pos < bytes.count {
                    if bytes[pos] == Byte.lf { line += 1 }
                    text.append(bytes[pos])
                    pos += 1
                } else if b == Byte.dquote {
                    inString = false
                } else if b == Byte.lf {
                    line += 1
                }
                continue
            }
            switch b {
            case Byte.hash:
                skipToLineEnd()
                continue
            case Byte.lf:
                line += 1
            case Byte.dquote:
                inString = true
            case Byte.lbracket, Byte.lbrace:
                closers.append(b == Byte.lbracket ? Byte.rbracket : Byte.rbrace)
                guard closers.count <= maxDepth else {
                    throw fail("JSON \(kind) for '\(key)' is nested deeper than \(maxDepth) levels")
                }
            case Byte.rbracket, Byte.rbrace:
                guard closers.last == b else {
                    throw fail("mismatched '\(Character(UnicodeScalar(b)))' in the JSON \(kind) for '\(key)'")
                }
                closers.removeLast()
            default:
                break
            }
            text.append(b)
            pos += 1
            if closers.isEmpty {
                let raw = String(decoding: text, as: UTF8.self)
                do {
                    return (raw, try JSONValueParser.parse(raw, maxDepth: maxDepth + 1))
                } catch {
                    throw fail("invalid JSON \(kind) for '\(key)': \(error.message) (a value starting with '\(kind == "array" ? "[" : "{")' is read as JSON; quote it to use it as text)", line: startLine)
                }
            }
        }
        throw fail("unterminated JSON \(kind) for '\(key)' (its brackets are not closed before the end of the file)", line: startLine)
    }

    /// The rest of the current line, for error messages.
    func restOfLine() -> String {
        var end = pos
        while end < bytes.count, bytes[end] != Byte.lf { end += 1 }
        return ValueConverter.trim(String(decoding: bytes[pos..<end], as: UTF8.self))
    }
}
