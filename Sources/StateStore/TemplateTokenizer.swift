/// Turns log templates into the token set past cases are compared on: lowercased words of two or
/// more characters, without placeholders (`<*>`) and without pure numbers.
enum TemplateTokenizer {
    /// The distinct tokens of `templates`, sorted, at most `limit` (the alphabetically first).
    static func tokens(of templates: [String], limit: Int) -> [String] {
        var set = Set<String>()
        for template in templates {
            for word in words(template.lowercased()) where isIndexable(word) { set.insert(String(word)) }
        }
        return Array(set.sorted().prefix(max(0, limit)))
    }

    private static func words(_ s: String) -> [Substring] {
        s.split { c in !(c.isLetter || c.isNumber || c == "_") }
    }

    private static func isIndexable(_ word: Substring) -> Bool {
        word.count >= 2 && word.count <= 64 && !word.allSatisfy(\.isNumber)
    }
}
