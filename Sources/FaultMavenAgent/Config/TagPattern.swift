/// A Fluentd `<match>` pattern: `a.*` (one part), `a.**` (zero or more parts), `{a,b}`, and
/// several patterns separated by spaces.
public struct TagPattern: Sendable, Hashable {
    public let text: String
    private let alternatives: [[Part]]

    enum Part: Hashable, Sendable {
        case literal(String)
        case one            // *
        case any            // **
        case choice([String])
    }

    public init(_ text: String) {
        self.text = text
        let words = text.split(separator: " ").map(String.init)
        alternatives = (words.isEmpty ? ["**"] : words).map { word in
            word.split(separator: ".", omittingEmptySubsequences: false).map { part -> Part in
                if part == "*" { return .one }
                if part == "**" { return .any }
                if part.hasPrefix("{") && part.hasSuffix("}") {
                    return .choice(part.dropFirst().dropLast().split(separator: ",").map(String.init))
                }
                return .literal(String(part))
            }
        }
    }

    /// Whether `tag` matches any of the patterns.
    public func matches(_ tag: String) -> Bool {
        let parts = tag.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        return alternatives.contains { Self.match($0[...], parts[...]) }
    }

    private static func match(_ pattern: ArraySlice<Part>, _ tag: ArraySlice<String>) -> Bool {
        guard let first = pattern.first else { return tag.isEmpty }
        switch first {
        case .any:
            // `a.**` also matches `a`.
            for i in tag.startIndex...tag.endIndex where match(pattern.dropFirst(), tag[i...]) { return true }
            return false
        case .one:
            return !tag.isEmpty && match(pattern.dropFirst(), tag.dropFirst())
        case .literal(let s):
            return tag.first == s && match(pattern.dropFirst(), tag.dropFirst())
        case .choice(let options):
            return tag.first.map(options.contains) == true && match(pattern.dropFirst(), tag.dropFirst())
        }
    }
}
