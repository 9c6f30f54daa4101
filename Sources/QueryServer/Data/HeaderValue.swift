/// A header value of the form `token; key=value; key="quoted value"` (Content-Type,
/// Content-Disposition): the leading token lower-cased and the parameters by lower-cased name.
public struct HeaderValue: Sendable, Equatable {
    /// `text/html`, `form-data`, … (lower case, trimmed).
    public var token: String
    /// Parameters by lower-cased name; quoted values unquoted (backslash escapes undone).
    /// A repeated name keeps its first value.
    public var parameters: [String: String]

    public init(_ text: some StringProtocol) {
        let scalars = Array(String(text).unicodeScalars)
        var i = 0
        token = Self.readUntilSemicolon(scalars, &i).trimmingCharacters(in: .whitespaces).lowercased()
        parameters = [:]
        while i < scalars.count {
            i += 1  // the ';'
            let name = Self.readName(scalars, &i).trimmingCharacters(in: .whitespaces).lowercased()
            guard i < scalars.count, scalars[i] == "=" else {
                _ = Self.readUntilSemicolon(scalars, &i)
                continue
            }
            i += 1
            while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" { i += 1 }
            let value = i < scalars.count && scalars[i] == "\""
                ? Self.readQuoted(scalars, &i)
                : Self.readUntilSemicolon(scalars, &i).trimmingCharacters(in: .whitespaces)
            _ = Self.readUntilSemicolon(scalars, &i)
            if !name.isEmpty && parameters[name] == nil { parameters[name] = value }
        }
    }

    private static func readUntilSemicolon(_ s: [Unicode.Scalar], _ i: inout Int) -> String {
        var out = String.UnicodeScalarView()
        while i < s.count, s[i] != ";" {
            out.append(s[i])
            i += 1
        }
        return String(out)
    }

    private static func readName(_ s: [Unicode.Scalar], _ i: inout Int) -> String {
        var out = String.UnicodeScalarView()
        while i < s.count, s[i] != "=", s[i] != ";" {
            out.append(s[i])
            i += 1
        }
        return String(out)
    }

    /// Reads `"…"` starting at the opening quote; an unterminated string ends at the end.
    private static func readQuoted(_ s: [Unicode.Scalar], _ i: inout Int) -> String {
        var out = String.UnicodeScalarView()
        i += 1
        while i < s.count {
            let c = s[i]
            i += 1
            if c == "\"" { break }
            if c == "\\", i < s.count {
                out.append(s[i])
                i += 1
            } else {
                out.append(c)
            }
        }
        return String(out)
    }
}
