import FaultMavenCore
import Testing

@testable import LogParsing

/// `LevelWords` must read every word exactly as `Level(word:)` does: it replaces it on the hot path.
@Suite struct LevelWordsTests {
    static let known = [
        "trace", "trc", "finest", "finer", "verbose", "t", "v", "debug", "dbg", "fine", "config", "d", "info", "inf",
        "information", "informational", "i", "notice", "n", "warn", "warning", "wrn", "w", "error", "err", "eror",
        "severe", "e", "fail", "failure", "fatal", "crit", "critical", "alert", "emerg", "emergency", "panic", "f", "c",
    ]

    static func level(_ word: String) -> Level? {
        var copy = word
        return copy.withUTF8 { LevelWords.level($0, 0, $0.count) }
    }

    @Test(arguments: known)
    func knownWordsInEveryCase(_ word: String) {
        let mixed = String(word.enumerated().map { $0.offset % 2 == 0 ? Character($0.element.uppercased()) : $0.element })
        for w in [word, word.uppercased(), mixed, word.prefix(1).uppercased() + word.dropFirst()] {
            #expect(Self.level(w) != nil, "\(w)")
            #expect(Self.level(w) == Level(word: w), "\(w)")
        }
    }

    @Test(arguments: [
        "", "x", "b", "infos", "inform", "warnings", "errors", "er", "fatality", "debugger", "in fo", "info:", "[info]",
        "3", "i1", "informationa", "informationals", "emergenc", "ÉRROR", "ınfo", "ｉｎｆｏ", "WARN\u{301}",
    ])
    func otherWordsAgreeWithLevelWord(_ word: String) {
        #expect(Self.level(word) == Level(word: word), "\(word)")
    }

    @Test func readsInsideALine() {
        var line = "12:00 WARNING disk"
        let level = line.withUTF8 { LevelWords.level($0, 6, 13) }
        #expect(level == .warn)
    }
}
