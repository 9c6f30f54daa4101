import Foundation

/// The recommendations rejected in a session, matched by stable id and by normalised text, so
/// rejected advice is never offered again in that session.
public struct Rejections: Sendable, Hashable {
    private var ids: Set<String> = []
    private var texts: Set<String> = []

    /// `texts` are rejected recommendation texts; `ids` their ids (issued or stable).
    public init(texts: [String] = [], ids: [String] = []) {
        self.texts = Set(texts.map(Self.normalise).filter { !$0.isEmpty })
        self.ids = Set(ids.map(RecommendationID.stable))
    }

    public var isEmpty: Bool { ids.isEmpty && texts.isEmpty }

    /// Whether advice with this id (issued or stable) or this text was rejected.
    public func contains(id: String, text: String) -> Bool {
        ids.contains(RecommendationID.stable(id)) || texts.contains(Self.normalise(text))
    }

    /// Whether this recommendation was rejected.
    public func contains(_ r: TroubleshootingAnswer.Recommendation) -> Bool { contains(id: r.id, text: r.text) }

    /// `text` without the list items (`1. …`, `- …`) that offer rejected advice.
    public func scrub(_ text: String) -> String {
        guard !texts.isEmpty else { return text }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        return lines.filter { raw in
            guard let item = NextStepExtractor.listItem(raw.trimmingCharacters(in: .whitespaces)) else { return true }
            return !texts.contains(Self.normalise(item))
        }.joined(separator: "\n")
    }

    /// Lower case, whitespace runs collapsed, trailing punctuation dropped.
    static func normalise(_ text: String) -> String {
        var words = text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        while let last = words.last, last == "." || last == "!" || last == ";" { words.removeLast() }
        return words
    }
}
