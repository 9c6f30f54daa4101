import Testing
@testable import StateStore

@Suite struct TemplateTokenizerTests {
    @Test func tokensAreLowercasedWordsWithoutPlaceholdersOrNumbers() {
        let tokens = TemplateTokenizer.tokens(of: ["Connection refused to <*>:5432 (pg_main) x", "connection RESET 42"], limit: 100)
        #expect(tokens == ["connection", "pg_main", "refused", "reset", "to"])
    }

    @Test func tokenCountIsBounded() {
        let tokens = TemplateTokenizer.tokens(of: ["alpha beta gamma delta"], limit: 2)
        #expect(tokens == ["alpha", "beta"])
    }

    @Test func boundedTextCutsOnScalarBoundaries() {
        #expect(BoundedText.cut("héllo", maxBytes: 2) == ("h", true))
        #expect(BoundedText.cut("héllo", maxBytes: 3) == ("hé", true))
        #expect(BoundedText.cut("héllo", maxBytes: 6) == ("héllo", false))
    }
}
