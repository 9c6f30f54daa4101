import FaultMavenCore

/// `Level(word:)` on bytes: the same words, compared ASCII-case-insensitively in place, so the hot
/// path builds no `String` and runs no Unicode case mapping. A word with non-ASCII bytes goes to
/// `Level(word:)` itself (no such word is in its table, but its rules stay the judge).
enum LevelWords {
    /// The words `Level(word:)` accepts, lower case, grouped by length (`byLength[n]`).
    private static let byLength: [[(word: [UInt8], level: Level)]] = {
        let words: [(String, Level)] = [
            ("trace", .trace), ("trc", .trace), ("finest", .trace), ("finer", .trace), ("verbose", .trace),
            ("t", .trace), ("v", .trace),
            ("debug", .debug), ("dbg", .debug), ("fine", .debug), ("config", .debug), ("d", .debug),
            ("info", .info), ("inf", .info), ("information", .info), ("informational", .info), ("i", .info),
            ("notice", .notice), ("n", .notice),
            ("warn", .warn), ("warning", .warn), ("wrn", .warn), ("w", .warn),
            ("error", .error), ("err", .error), ("eror", .error), ("severe", .error), ("e", .error),
            ("fail", .error), ("failure", .error),
            ("fatal", .fatal), ("crit", .fatal), ("critical", .fatal), ("alert", .fatal), ("emerg", .fatal),
            ("emergency", .fatal), ("panic", .fatal), ("f", .fatal), ("c", .fatal),
        ]
        var table = [[(word: [UInt8], level: Level)]](repeating: [], count: maxLength + 1)
        for (w, l) in words { table[w.utf8.count].append((Array(w.utf8), l)) }
        return table
    }()

    /// The longest word in the table.
    static let maxLength = 13

    /// The level `Level(word:)` gives the text `b[from..<to]`, or nil.
    static func level(_ b: Bytes, _ from: Int, _ to: Int) -> Level? {
        let n = to - from
        guard n >= 1 else { return nil }
        var ascii = true
        for k in from..<to where b[k] >= 0x80 { ascii = false }
        guard ascii else { return Level(word: ASCII.string(b, from, to)) }
        guard n <= maxLength else { return nil }
        for k in from..<to where !ASCII.isLetter(b[k]) { return nil }
        for entry in byLength[n] where matches(entry.word, b, from) { return entry.level }
        return nil
    }

    /// True when the lower-case `word` equals the ASCII letters at `b[from...]` in any case.
    @inline(__always)
    private static func matches(_ word: [UInt8], _ b: Bytes, _ from: Int) -> Bool {
        for k in word.indices where word[k] != b[from + k] | 0x20 { return false }
        return true
    }
}
