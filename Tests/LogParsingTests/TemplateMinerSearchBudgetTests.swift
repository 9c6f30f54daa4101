import Testing

@testable import LogParsing

/// The search for a novel message's template looks at a bounded number of templates.
@Suite struct TemplateMinerSearchBudgetTests {
    /// Messages of four letter-only words, all different: every one starts a new template.
    static let novel: [String] = {
        let words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet"]
        var lines: [String] = []
        for i in 0..<60 {
            var tokens: [String] = []
            for k in 0..<4 {
                let first: String = words[(i / 10 + k * 3) % 10]
                let second: String = words[(i + k) % 10]
                tokens.append(first + second)
            }
            lines.append(tokens.joined(separator: " "))
        }
        return lines
    }()

    @Test func searchesStopAtTheLimitAndAreCounted() {
        var cut = TemplateMiner(config: TemplateMinerConfig(maxSearchSlots: 3))
        var full = TemplateMiner()
        for m in Self.novel {
            _ = cut.add(m)
            _ = full.add(m)
        }
        #expect(full.searchesCut == 0, "60 templates are within the default limit")
        #expect(cut.searchesCut > 0)
        #expect(cut.searchesCut <= Self.novel.count)
        // A search that stops early can only start a template where the full search found a home.
        #expect(cut.count >= full.count)
    }

    @Test func aSearchWithinTheLimitFindsWhatAnUnlimitedOneFinds() {
        var a = TemplateMiner(config: TemplateMinerConfig(maxSearchSlots: 10_000))
        var b = TemplateMiner()
        let lines = Self.novel + ["alphabravo x y z", "alphabravo x y w", "charliedelta x y z"]
        #expect(lines.map { a.add($0).id } == lines.map { b.add($0).id })
        #expect(b.searchesCut == 0)
    }
}
