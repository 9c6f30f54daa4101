/// Spends a token budget section by section, redacting every item first and marking every
/// cut in the text (`[… 37 more lines omitted]`).
struct TokenBudget {
    private(set) var remaining: Int
    private let redactor: Redactor
    private(set) var redactions: [RedactionKind: Int] = [:]
    private(set) var omitted: [String: Int] = [:]
    let maxItemBytes: Int

    /// Tokens kept back per section so its omission marker always fits.
    static let markerReserve = 16

    init(tokens: Int, redactor: Redactor, maxItemBytes: Int) {
        remaining = tokens
        self.redactor = redactor
        self.maxItemBytes = maxItemBytes
    }

    /// `text` redacted (counted) and clipped to `maxBytes` with a marker. Only the first
    /// `4 × maxBytes` bytes are redacted, which bounds the work for huge items; a secret cut at
    /// that point lies far beyond what the final clip keeps.
    mutating func clean(_ text: String, maxBytes: Int? = nil) -> String {
        let limit = maxBytes ?? maxItemBytes
        let total = text.utf8.count
        let head = total > 4 * limit ? Self.prefix(text, bytes: 4 * limit) : text
        let r = redactor.redact(head)
        for (k, v) in r.counts { redactions[k, default: 0] += v }
        let kept = Self.prefix(r.text, bytes: limit)
        guard kept.utf8.count < r.text.utf8.count || head.utf8.count < total else { return kept }
        let dropped = max(1, total - head.utf8.count + r.text.utf8.count - kept.utf8.count)
        return kept + " [… \(dropped) more bytes omitted]"
    }

    /// Charges `text` unconditionally (system prompt, question).
    mutating func charge(_ text: String) {
        remaining -= ContextBuilder.estimateTokens(text)
    }

    /// Tokens a block costs beyond its text where blocks are joined (`\n\n`).
    static let joinCost = 2

    /// What a section with no item kept costs: its header, the omission marker, the join.
    static func minimumCost(_ section: ContextSection) -> Int {
        section.items.isEmpty ? 0 : ContextBuilder.estimateTokens("## \(section.title)") + 1 + markerReserve + joinCost
    }

    /// The section's text: a header and as many items as fit, in order, then an omission
    /// marker for the rest, leaving `reserve` tokens for the sections after it. Nil when there
    /// are no items.
    mutating func section(_ section: ContextSection, reserve: Int = 0) -> String? {
        guard !section.items.isEmpty else { return nil }
        let header = "## \(section.title)"
        var lines: [String] = []
        var used = ContextBuilder.estimateTokens(header) + 1
        var kept = 0
        if used + Self.markerReserve + reserve <= remaining {
            for item in section.items {
                let text = clean(item)
                let cost = ContextBuilder.estimateTokens(text) + 1
                guard used + cost + Self.markerReserve + reserve <= remaining else { break }
                lines.append(text)
                used += cost
                kept += 1
            }
        }
        let left = section.items.count - kept
        if left > 0 {
            omitted[section.key, default: 0] += left
            lines.append("[… \(left) more \(left == 1 ? section.unit.singular : section.unit.plural) omitted]")
        }
        let text = ([header] + lines).joined(separator: "\n")
        remaining -= ContextBuilder.estimateTokens(text) + Self.joinCost
        return text
    }

    /// Records items left out without a section (history turns).
    mutating func omit(_ key: String, _ n: Int) {
        if n > 0 { omitted[key, default: 0] += n }
    }

    mutating func spend(_ tokens: Int) { remaining -= tokens }

    /// The longest prefix of `text` within `bytes` UTF-8 bytes, on a character boundary.
    static func prefix(_ text: String, bytes limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        var kept = ""
        var bytes = 0
        for ch in text {
            let n = ch.utf8.count
            guard bytes + n <= limit else { break }
            kept.append(ch)
            bytes += n
        }
        return kept
    }
}
