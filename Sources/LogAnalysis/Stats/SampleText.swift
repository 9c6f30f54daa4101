/// Shortens messages kept as samples.
enum SampleText {
    /// `text` cut to at most `limit` characters, with `…` marking a cut.
    static func cut(_ text: String, to limit: Int) -> String {
        guard limit > 0 else { return "" }
        guard text.utf8.count > limit, text.count > limit else { return text }
        return String(text.prefix(max(0, limit - 1))) + "…"
    }
}
