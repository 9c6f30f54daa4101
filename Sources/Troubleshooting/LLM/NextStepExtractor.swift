/// Pulls the recommended steps out of a model's answer: the list items (`1.`, `-`, `*`) under a
/// heading that names next steps, or, without such a heading, the numbered items of the answer.
enum NextStepExtractor {
    static let maxSteps = 8
    static let maxStepBytes = 600

    static func steps(in text: String) -> [String] {
        var underHeading: [String] = []
        var numbered: [String] = []
        var inSteps = false
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if let item = listItem(line) {
                if inSteps { underHeading.append(item) }
                if line.first?.isNumber == true { numbered.append(item) }
                continue
            }
            let lower = line.lowercased()
            if isHeading(line) {
                inSteps = lower.contains("next step") || lower.contains("recommend") || lower.contains("what to do")
                    || lower.contains("actions")
            }
        }
        let chosen = underHeading.isEmpty ? numbered : underHeading
        return chosen.prefix(maxSteps).map(clip)
    }

    /// `text` cut to `maxStepBytes` at a character boundary.
    private static func clip(_ text: String) -> String {
        guard text.utf8.count > maxStepBytes else { return text }
        var bytes = 0
        return String(text.prefix { c in
            bytes += c.utf8.count
            return bytes <= maxStepBytes
        })
    }

    /// `1. text`, `1) text`, `- text`, `* text`, `• text` → `text` (markdown emphasis kept).
    static func listItem(_ line: String) -> String? {
        var rest = Substring(line)
        if let first = rest.first, "-*•".contains(first) {
            rest = rest.dropFirst()
        } else {
            let digits = rest.prefix(while: \.isNumber)
            guard !digits.isEmpty, digits.count <= 2 else { return nil }
            rest = rest.dropFirst(digits.count)
            guard let mark = rest.first, mark == "." || mark == ")" else { return nil }
            rest = rest.dropFirst()
        }
        guard rest.first == " " else { return nil }
        let item = rest.trimmingCharacters(in: .whitespaces)
        return item.isEmpty ? nil : item
    }

    /// `## Next steps`, `**Next steps:**`, `Next steps:`.
    private static func isHeading(_ line: String) -> Bool {
        line.hasPrefix("#") || (line.hasPrefix("**") && line.hasSuffix("**")) || line.hasSuffix(":")
            || line.hasSuffix(":**")
    }
}
