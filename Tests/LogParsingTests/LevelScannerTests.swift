import FaultMavenCore
import Foundation
import Testing

@testable import LogParsing

@Suite struct LevelScannerTests {
    @Test(arguments: [
        ("ERROR could not connect", Level.error), ("Error: could not connect", .error), ("warn: slow", .warn),
        ("WARNING disk", .warn), ("[error] x", .error), ("<warn> x", .warn), ("FATAL out of memory", .fatal),
        ("CRITICAL x", .fatal), ("java.lang.NullPointerException: null", .error),
        ("Traceback (most recent call last):", .error), ("ValueError: bad", .error), ("INFO ok", .info),
        ("svc: ERROR x", .error),
    ])
    func keywords(_ text: String, _ level: Level) {
        #expect(LevelScanner.keyword(text) == level, "\(text)")
    }

    @Test(arguments: [
        "an error occurred", "error occurred", "no errors today", "GET /api/error 500", "the third ERROR word",
        "Errors happen", "I did it", "E", "", "information superhighway",
    ])
    func conservative(_ text: String) {
        #expect(LevelScanner.keyword(text) == nil, "\(text)")
    }

    @Test func structuredValues() {
        #expect(LevelScanner.value("3") == .error)
        #expect(LevelScanner.value("6") == .info)
        #expect(LevelScanner.value("40") == .warn)
        #expect(LevelScanner.value("60") == .fatal)
        #expect(LevelScanner.value("Warning") == .warn)
        #expect(LevelScanner.value("99") == nil)
        #expect(LevelScanner.value("loud") == nil)
    }
}
