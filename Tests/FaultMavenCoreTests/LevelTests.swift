import FaultMavenCore
import Testing

@Suite struct LevelTests {
    @Test(arguments: [
        ("ERROR", Level.error), ("err", .error), ("Warning", .warn), ("WARN", .warn), ("crit", .fatal),
        ("SEVERE", .error), ("I", .info), ("notice", .notice), ("debug", .debug), ("TRACE", .trace), ("panic", .fatal),
    ])
    func parsesCommonWords(_ word: String, _ level: Level) {
        #expect(Level(word: word) == level)
    }

    @Test func rejectsOtherWords() {
        #expect(Level(word: "hello") == nil)
        #expect(Level(word: "") == nil)
    }

    @Test func syslogPriorities() {
        #expect(Level(syslogPriority: 0) == .fatal)
        #expect(Level(syslogPriority: 3) == .error)
        #expect(Level(syslogPriority: 4) == .warn)
        #expect(Level(syslogPriority: 6) == .info)
        #expect(Level(syslogPriority: 7) == .debug)
        #expect(Level.error.isError && Level.fatal.isError && !Level.warn.isError)
    }
}
