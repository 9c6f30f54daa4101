/// Evaluates the only embedded Ruby Fluentd configs need in practice: environment lookups,
/// `#{ENV["NAME"]}`, `#{ENV['NAME']}` and `#{ENV.fetch("NAME", "default")}`.
enum EmbeddedCode {
    enum Outcome: Equatable {
        case value(String)
        /// `ENV["NAME"]` for an unset variable: Ruby gives `nil`, interpolated as "".
        case unset(name: String)
    }

    struct Failure: Error {
        let message: String
    }

    static func evaluate(_ code: String, environment: [String: String]) throws(Failure) -> Outcome {
        var cursor = Cursor(Array(code.unicodeScalars))
        cursor.skipSpaces()
        guard cursor.consume("ENV") else { throw unsupported(code) }
        cursor.skipSpaces()
        if cursor.consume("[") {
            cursor.skipSpaces()
            guard let name = cursor.quoted() else { throw unsupported(code) }
            cursor.skipSpaces()
            guard cursor.consume("]") else { throw unsupported(code) }
            cursor.skipSpaces()
            guard cursor.atEnd else { throw unsupported(code) }
            if let v = environment[name] { return .value(v) }
            return .unset(name: name)
        }
        guard cursor.consume(".fetch") else { throw unsupported(code) }
        cursor.skipSpaces()
        guard cursor.consume("(") else { throw unsupported(code) }
        cursor.skipSpaces()
        guard let name = cursor.quoted() else { throw unsupported(code) }
        cursor.skipSpaces()
        var fallback: String?
        if cursor.consume(",") {
            cursor.skipSpaces()
            guard let d = cursor.quoted() else { throw unsupported(code) }
            fallback = d
            cursor.skipSpaces()
        }
        guard cursor.consume(")") else { throw unsupported(code) }
        cursor.skipSpaces()
        guard cursor.atEnd else { throw unsupported(code) }
        if let v = environment[name] { return .value(v) }
        if let fallback { return .value(fallback) }
        throw Failure(message: "environment variable '\(name)' is not set (ENV.fetch without a default)")
    }

    private static func unsupported(_ code: String) -> Failure {
        let shown = code.count > 60 ? String(code.prefix(60)) + "…" : code
        return Failure(message: "embedded Ruby code '#{\(shown)}' is not supported; only #{ENV[\"NAME\"]} and #{ENV.fetch(\"NAME\", \"default\")} are")
    }

    private struct Cursor {
        let s: [Unicode.Scalar]
        var i = 0
        init(_ s: [Unicode.Scalar]) { self.s = s }
        var atEnd: Bool { i >= s.count }

        mutating func skipSpaces() {
            while i < s.count, s[i] == " " || s[i] == "\t" { i += 1 }
        }

        mutating func consume(_ word: String) -> Bool {
            let w = Array(word.unicodeScalars)
            guard i + w.count <= s.count, Array(s[i..<i + w.count]) == w else { return false }
            i += w.count
            return true
        }

        /// A `"…"` or `'…'` literal without escapes.
        mutating func quoted() -> String? {
            guard i < s.count, s[i] == "\"" || s[i] == "'" else { return nil }
            let q = s[i]
            var j = i + 1
            var out = String.UnicodeScalarView()
            while j < s.count, s[j] != q {
                if s[j] == "\\" { return nil }
                out.append(s[j])
                j += 1
            }
            guard j < s.count else { return nil }
            i = j + 1
            return String(out)
        }
    }
}
