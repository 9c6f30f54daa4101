import FaultMavenCore
import Foundation
import Testing

@testable import LogParsing

/// `MessageTokens` cuts and masks a message in one pass with shortcuts of its own (numbers become
/// the shared `<*>` without the masker, canonicalization is skipped where it cannot change
/// anything); each token must still equal what ``TokenMasker/mask(_:)`` makes of it alone.
@Suite("Message tokens")
struct MessageTokensTests {
    @Test("every token of the 16 loghub-2k sets is masked as the masker masks it alone")
    func loghubTokens() throws {
        let root = LoghubScoring.dataRoot(testFile: #filePath)
        var checked = 0
        for system in LoghubScoring.systems {
            let dataset = try LoghubScoring.load(system, root: root)
            for message in dataset.contents {
                for word in message.split(whereSeparator: { $0.isWhitespace }) {
                    checked += 1
                    let failure = mismatch(String(word))
                    #expect(failure == nil, "\(system): \(failure ?? "")")
                    if failure != nil { return }
                }
            }
        }
        #expect(checked > 200_000)
    }

    @Test("random tokens of digits, letters, delimiters and wildcards are masked as the masker masks them alone")
    func randomTokens() {
        let alphabet = Array("0123456789abcdefxyzAFT.-+@#$%&/:=,;|!\"'()[]{}_<*>".utf8)
        var random = SplitMix64(seed: 0x4D45_5353_4147_4553)
        var mismatches: [String] = []
        for _ in 0..<50_000 {
            let length = random.next(below: 14) + 1
            let token = String(
                decoding: (0..<length).map { _ in alphabet[random.next(below: alphabet.count)] }, as: UTF8.self)
            if let failure = mismatch(token) { mismatches.append(failure) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    @Test("a number points at the one shared <*>, other masked tokens at their own masked bytes")
    func sharedWildcard() {
        let tokens = MessageTokens("took 53 ms, 7 retries for uid=0 at 10.0.0.1:80", maxTokens: 64, masking: true)
        #expect((0..<tokens.count).map(tokens.masked) == ["took", "<*>", "ms,", "<*>", "retries", "for", "uid=<*>", "at", "<*>:<*>"])
        #expect((0..<tokens.count).map(tokens.raw) == ["took", "53", "ms,", "7", "retries", "for", "uid=0", "at", "10.0.0.1:80"])
        #expect(tokens.tokens[1].maskedStart == tokens.tokens[3].maskedStart)
        #expect(tokens.hash(1) == TokenHash.wildcard && tokens.tokens[1].variable)
        #expect(!tokens.tokens[0].variable && tokens.tokens[6].variable)
    }

    @Test("literal value words are masked only as whole words between delimiters")
    func literalWords() {
        let tokens = MessageTokens("force=TRUE, untrue nullable root: (null) rooted", maxTokens: 64, masking: true)
        #expect((0..<tokens.count).map(tokens.masked) == ["force=<*>,", "untrue", "nullable", "<*>:", "(<*>)", "rooted"])
    }

    /// `nil` when `MessageTokens` gives `token` alone the masker's form, its hash and its variable
    /// flag; otherwise what differs.
    private func mismatch(_ token: String) -> String? {
        let tokens = MessageTokens(token, maxTokens: 8, masking: true)
        let expected = TokenMasker.mask(token)
        guard tokens.count == 1 else { return "\(token): \(tokens.count) tokens" }
        let variable = expected.utf8.contains { TokenMasker.isDigit($0) || $0 == 0x2A }
        if tokens.masked(0) != expected || tokens.hash(0) != TokenHash.of(expected) || tokens.tokens[0].variable != variable {
            return "\(token): \(tokens.masked(0)) / \(tokens.tokens[0].variable), masker \(expected) / \(variable)"
        }
        return nil
    }
}
