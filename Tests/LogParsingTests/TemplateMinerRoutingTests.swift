import Testing

@testable import LogParsing

@Suite("Template miner routing and tokens")
struct TemplateMinerRoutingTests {
    @Test("a varying compound-name first token still joins the template of its kind")
    func compoundFirstToken() {
        var miner = TemplateMiner()
        let tail = "scheduler_evaluate_activity told me to run this job; however, the start time isn't for"
        let a = miner.add("com.apple.icloud.fmfd.heartbeat: \(tail) 439034 seconds. Ignoring.")
        for _ in 0..<10 { _ = miner.add("com.apple.icloud.fmfd.heartbeat: \(tail) 12 seconds. Ignoring.") }
        let b = miner.add("com.apple.CacheDelete.daily: \(tail) 12119 seconds. Ignoring.")
        let c = miner.add("com.apple.Safari.SafeBrowsing.Update: \(tail) 2450 seconds. Ignoring.")
        #expect(b.id == a.id)
        #expect(c.id == a.id)
        #expect(!c.isNew)
        #expect(c.template.hasPrefix("<*>: scheduler_evaluate_activity"))
        #expect(c.params.first == "com.apple.Safari.SafeBrowsing.Update")
        #expect(miner.count == 1)
        #expect(miner.match("com.apple.Other.job: \(tail) 7 seconds. Ignoring.")?.id == a.id)
        #expect(miner.count == 1)
    }

    @Test("plain leading words that differ keep their templates apart")
    func plainWordsStayApart() {
        var miner = TemplateMiner()
        let failed = miner.add("Failed password for root from 5.36.59.76 port 42393 ssh2")
        let accepted = miner.add("Accepted password for root from 5.36.59.76 port 42393 ssh2")
        #expect(failed.id != accepted.id)
        #expect(accepted.template == "Accepted password for <*> from <*> port <*> ssh2")
        #expect(miner.count == 2)
    }

    @Test("a numbered name in a frozen template may still widen; a plain word may not")
    func numberedNamesStayOpen() {
        var miner = TemplateMiner(config: TemplateMinerConfig(freezeAfter: 3))
        for _ in 0..<5 { _ = miner.add("link eth1 went down on switch core") }
        let renumbered = miner.add("link eth2 went down on switch core")
        #expect(!renumbered.isNew)
        #expect(renumbered.template == "link <*> went down on switch core")
        #expect(renumbered.params == ["eth2"])
        let otherWord = miner.add("link eth3 went down on switch edge")
        #expect(otherWord.isNew)
    }

    @Test(
        "compound names are names built of parts",
        arguments: [
            ("com.apple.CacheDelete.daily:", true), ("kernel_task", true), ("IO80211-Family", true),
            ("Failed", false), ("\"GET", false), ("[instance:", false), ("sshd:", false), ("<*>", false),
        ])
    func compoundNames(token: String, expected: Bool) {
        #expect(MinerCluster.isCompoundName(token.utf8) == expected)
    }

    @Test("token hashes agree between message bytes and template strings, whatever follows the token")
    func hashesAgree() {
        let tokens = MessageTokens("alpha verylongtokenname12 x <*>:<*> /var/log", maxTokens: 64, masking: false)
        let words = ["alpha", "verylongtokenname12", "x", "<*>:<*>", "/var/log"]
        #expect(tokens.count == words.count)
        for (i, word) in words.enumerated() {
            #expect(tokens.hash(i) == TokenHash.of(word), "token \(i)")
            #expect(tokens.raw(i) == word)
        }
        #expect(TokenHash.of("ab") != TokenHash.of("ab\u{0}"))
        #expect(TokenHash.of("abcdefgh") != TokenHash.of("abcdefgi"))
    }

    @Test("masked tokens hash like the template text they become")
    func maskedHashes() {
        let tokens = MessageTokens("took 53ms on node-7 at Fri Jun 17", maxTokens: 64, masking: true)
        #expect((0..<tokens.count).map { tokens.masked($0) } == ["took", "<*>", "on", "node-<*>", "at", "<*>", "<*>", "<*>"])
        for i in 0..<tokens.count { #expect(tokens.hash(i) == TokenHash.of(tokens.masked(i))) }
        #expect(tokens.tokens[1].variable && !tokens.tokens[0].variable)
    }

    @Test("reusing the miner's token buffer across short and long messages keeps results exact")
    func bufferReuse() {
        var miner = TemplateMiner()
        let long = (0..<300).map { "w\($0)" }.joined(separator: " ")
        _ = miner.add(long)
        let short = miner.add("disk sda1 full at 97%")
        #expect(short.template == "disk sda1 full at <*>%")
        #expect(short.params == ["97"])
        let again = miner.add("disk sda1 full at 98%")
        #expect(again.id == short.id && again.params == ["98"])
    }
}
