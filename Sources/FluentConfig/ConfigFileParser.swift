/// Reads one file's bytes into a ``ConfigSection`` body, following Fluentd's v1 syntax.
///
/// The parser works on UTF-8 bytes in one forward pass (linear in the input), recurses once
/// per directive level (capped by ``FluentConfigLimits/maxNestingDepth``) and hands
/// `@include`s to ``IncludeLoader``.
struct ConfigFileParser {
    let bytes: [UInt8]
    /// Display path used in locations.
    let file: String
    /// Directory relative `@include` paths are resolved against.
    let baseDirectory: String
    var pos = 0
    var line = 1

    init(bytes: [UInt8], file: String, baseDirectory: String) {
        self.bytes = bytes
        self.file = file
        self.baseDirectory = baseDirectory
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { pos = 3 }
    }

    var location: SourceLocation { SourceLocation(file: file, line: line) }

    func fail(_ message: String, line: Int? = nil) -> FluentConfigError {
        FluentConfigError(message, at: SourceLocation(file: file, line: line ?? self.line))
    }

    /// Parses directives and parameters into `section` until end of file (`closing == nil`)
    /// or until the end tag of the directive described by `closing`.
    mutating func parseBody(
        into section: inout ConfigSection,
        closing: (name: String, line: Int)?,
        depth: Int,
        atFileTop: Bool,
        session: inout ParseSession
    ) throws {
        while true {
            skipSpacing()
            guard pos < bytes.count else {
                if let closing {
                    throw fail("<\(closing.name)> is never closed (expected </\(closing.name)> before the end of the file)", line: closing.line)
                }
                return
            }
            if bytes[pos] == Byte.lt {
                if pos + 1 < bytes.count, bytes[pos + 1] == Byte.slash {
                    try parseEndTag(closing: closing)
                    return
                }
                let child = try parseDirective(depth: depth + 1, session: &session)
                section.sections.append(child)
                continue
            }
            try parseParam(into: &section, depth: depth, atFileTop: atFileTop, session: &session)
        }
    }

    private mutating func parseEndTag(closing: (name: String, line: Int)?) throws {
        pos += 2
        let name = scanName()
        guard !name.isEmpty else { throw fail("expected a directive name after '</'") }
        skipBlanks()
        guard pos < bytes.count, bytes[pos] == Byte.gt else { throw fail("expected '>' to finish </\(name)") }
        pos += 1
        guard lineEnd() else { throw fail("unexpected text after </\(name)>") }
        guard let closing else {
            throw fail("</\(name)> closes nothing: no directive is open here")
        }
        guard closing.name == name else {
            throw fail("</\(name)> does not match <\(closing.name)> opened at line \(closing.line)")
        }
    }

    private mutating func parseDirective(depth: Int, session: inout ParseSession) throws -> ConfigSection {
        let openLine = line
        pos += 1
        let name = scanName()
        guard !name.isEmpty else {
            throw fail("expected a directive name (letters, digits, '_') after '<'")
        }
        guard depth <= session.limits.maxNestingDepth else {
            throw fail("directives are nested deeper than \(session.limits.maxNestingDepth) levels")
        }
        let argStart = pos
        while pos < bytes.count, bytes[pos] != Byte.gt, bytes[pos] != Byte.lf { pos += 1 }
        guard pos < bytes.count, bytes[pos] == Byte.gt else {
            throw fail("expected '>' to close <\(name)")
        }
        let argument = ValueConverter.trim(String(decoding: bytes[argStart..<pos], as: UTF8.self))
        pos += 1
        guard lineEnd() else { throw fail("unexpected text after <\(name)\(argument.isEmpty ? "" : " " + argument)>") }
        var child = ConfigSection(name: name, argument: argument, location: SourceLocation(file: file, line: openLine))
        try parseBody(into: &child, closing: (name, openLine), depth: depth, atFileTop: false, session: &session)
        return child
    }

    private mutating func parseParam(into section: inout ConfigSection, depth: Int, atFileTop: Bool, session: inout ParseSession) throws {
        let keyLine = line
        let key: String
        switch bytes[pos] {
        case Byte.dquote:
            key = try scanDoubleQuoted(environment: session.environment, warnings: &session.warnings)
        case Byte.squote:
            key = try scanSingleQuoted()
        default:
            let keyStart = pos
            while pos < bytes.count, !Byte.isSpace(bytes[pos]) { pos += 1 }
            key = String(decoding: bytes[keyStart..<pos], as: UTF8.self)
        }
        guard pos >= bytes.count || Byte.isSpace(bytes[pos]) else {
            throw fail("expected a blank after the parameter name '\(ValueConverter.clip(key, limit: 40))'")
        }
        skipBlanks()
        let keyLocation = SourceLocation(file: file, line: keyLine)

        let isInclude = key == "@include" || (atFileTop && key == "include")
        if isInclude {
            if key == "include" {
                session.warnings.append(.warning("'include' is deprecated; use '@include'", at: keyLocation))
            }
            let target = try scanIncludeTarget(session: &session)
            try IncludeLoader.include(target, baseDirectory: baseDirectory, at: keyLocation, into: &section, depth: depth, session: &session)
            return
        }

        let param: ConfigParam
        if pos >= bytes.count || bytes[pos] == Byte.lf || bytes[pos] == Byte.cr || bytes[pos] == Byte.hash {
            skipToLineEnd()
            param = ConfigParam(name: key, value: "", style: .empty, location: keyLocation)
        } else {
            param = try scanValue(key: key, location: keyLocation, session: &session)
        }
        if let previous = section.setParam(param) {
            session.warnings.append(.warning(
                "parameter '\(key)' is set again (first at \(previous.location)); the last value is used",
                at: keyLocation))
        }
    }

    private mutating func scanIncludeTarget(session: inout ParseSession) throws -> String {
        guard pos < bytes.count, bytes[pos] != Byte.lf, bytes[pos] != Byte.hash else {
            throw fail("@include needs a file path or glob pattern")
        }
        let startLine = line
        let target: String
        switch bytes[pos] {
        case Byte.dquote:
            target = try scanDoubleQuoted(environment: session.environment, warnings: &session.warnings)
        case Byte.squote:
            target = try scanSingleQuoted()
        default:
            target = scanBare()
        }
        guard lineEnd() else { throw fail("unexpected text after the @include path", line: startLine) }
        return target
    }

    // MARK: - Low-level scanning

    /// Skips blanks, line breaks and `#` comment lines.
    mutating func skipSpacing() {
        while pos < bytes.count {
            switch bytes[pos] {
            case Byte.space, Byte.tab, Byte.cr: pos += 1
            case Byte.lf: pos += 1; line += 1
            case Byte.hash: skipToLineEnd()
            default: return
            }
        }
    }

    /// Skips spaces and tabs on the current line.
    mutating func skipBlanks() {
        while pos < bytes.count, bytes[pos] == Byte.space || bytes[pos] == Byte.tab { pos += 1 }
    }

    /// Moves to the line feed ending the current line (not past it).
    mutating func skipToLineEnd() {
        while pos < bytes.count, bytes[pos] != Byte.lf { pos += 1 }
    }

    /// Accepts optional blanks and a `#` comment before the end of the line.
    mutating func lineEnd() -> Bool {
        skipBlanks()
        if pos < bytes.count, bytes[pos] == Byte.hash { skipToLineEnd() }
        if pos < bytes.count, bytes[pos] == Byte.cr { pos += 1 }
        return pos >= bytes.count || bytes[pos] == Byte.lf
    }

    private mutating func scanName() -> String {
        let start = pos
        while pos < bytes.count, Byte.isNameByte(bytes[pos]) { pos += 1 }
        return String(decoding: bytes[start..<pos], as: UTF8.self)
    }
}
