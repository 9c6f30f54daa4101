import FaultMavenCore
import Testing

@testable import LogParsing

@Suite("Template miner")
struct TemplateMinerTests {
    @Test("masked values become parameters of one template")
    func masksIntoOneTemplate() {
        var miner = TemplateMiner()
        let first = miner.add("Received block blk_123456 of size 67108864 from /10.250.19.102")
        let second = miner.add("Received block blk_-98765432 of size 512 from /10.251.0.7")
        #expect(first.isNew)
        #expect(!second.isNew)
        #expect(first.id == second.id)
        #expect(second.template == "Received block <*> of size <*> from <*>")
        #expect(second.params == ["blk_-98765432", "512", "/10.251.0.7"])
        #expect(miner.count == 1)
    }

    @Test("a differing word widens the template to a wildcard and the id stays")
    func generalizesAndKeepsID() throws {
        var miner = TemplateMiner()
        let first = miner.add("Invalid user webmaster from 173.234.31.186")
        let second = miner.add("Invalid user chen from 202.100.179.208")
        #expect(second.id == first.id)
        #expect(!second.isNew)
        #expect(second.template == "Invalid user <*> from <*>")
        #expect(second.params == ["chen", "202.100.179.208"])
        let info = try #require(miner.templates.first)
        #expect(info.id == first.id)
        #expect(info.template == "Invalid user <*> from <*>")
        #expect(info.count == 2)
        #expect(info.firstSequence == 1 && info.lastSequence == 2)
    }

    @Test("sub-token wildcards yield the values at each wildcard")
    func subTokenParams() {
        var miner = TemplateMiner()
        _ = miner.add("Accepted socket connection from /10.10.34.11:52139")
        let match = miner.add("Connection to 10.10.34.12:2888 closed")
        #expect(match.template == "Connection to <*>:<*> closed")
        #expect(match.params == ["10.10.34.12", "2888"])
    }

    @Test("different messages get different templates")
    func separatesTemplates() {
        var miner = TemplateMiner()
        let a = miner.add("Starting service on port 8080")
        let b = miner.add("Disk quota exceeded for volume data")
        #expect(a.id != b.id)
        #expect(miner.count == 2)
    }

    @Test("a constant confirmed by many messages is not widened")
    func frozenConstant() {
        var miner = TemplateMiner(config: TemplateMinerConfig(freezeAfter: 3))
        for n in 0..<5 { _ = miner.add("Session: \(n) initialized by client WindowsUpdateAgent.") }
        let other = miner.add("Session: 99 initialized by client SPP.")
        #expect(other.isNew)
        #expect(other.template == "Session: <*> initialized by client SPP.")
        #expect(miner.match("Session: 7 initialized by client WindowsUpdateAgent.")?.template
            == "Session: <*> initialized by client WindowsUpdateAgent.")
    }

    @Test("match neither learns nor creates templates")
    func matchDoesNotLearn() throws {
        var miner = TemplateMiner()
        _ = miner.add("Login for user alice from 10.0.0.1")
        let before = miner.templates
        let hit = try #require(miner.match("Login for user bob from 10.0.0.2"))
        #expect(!hit.isNew)
        #expect(hit.template == "Login for user alice from <*>")
        #expect(hit.params == ["10.0.0.2"])
        #expect(miner.match("Completely unrelated text here") == nil)
        #expect(miner.templates == before)
        #expect(miner.messages == 1)
    }

    @Test("the least recently used template is evicted at the limit and counted")
    func evictsAtLimit() {
        var miner = TemplateMiner(config: TemplateMinerConfig(maxTemplates: 3))
        let a = miner.add("alpha event happened")
        let b = miner.add("beta thing occurred now")
        let c = miner.add("gamma")
        _ = miner.add("alpha event happened")  // a is now the most recent; b is the oldest
        let d = miner.add("delta only two")
        #expect(miner.count == 3)
        #expect(miner.evictions == 1)
        #expect(Set(miner.templates.map(\.id)) == [a.id, c.id, d.id])
        let again = miner.add("beta thing occurred now")
        #expect(again.isNew)
        #expect(again.id != b.id)
        #expect(miner.evictions == 2)
        #expect(miner.count == 3)
    }

    @Test("a full leaf evicts its own least recently used template")
    func leafLimit() {
        var miner = TemplateMiner(config: TemplateMinerConfig(maxClustersPerLeaf: 2))
        // Same length and leading tokens, so one leaf; too different to join one another.
        let started = miner.add("job apple started")
        let skipped = miner.add("job apple skipped")
        let failed = miner.add("job apple failed")
        #expect(failed.isNew)
        #expect(miner.count == 2)
        #expect(miner.evictions == 1)
        #expect(Set(miner.templates.map(\.id)) == [skipped.id, failed.id])
        #expect(miner.match("job apple started")?.id != started.id)
    }

    @Test("the default template limit is the core limit")
    func defaultLimit() {
        #expect(TemplateMinerConfig().maxTemplates == Limits.maxTemplates)
    }

    @Test("a 10k-token message is bounded to the token limit")
    func veryLongMessage() {
        var miner = TemplateMiner(config: TemplateMinerConfig(maxTokens: 64))
        let words = (0..<10_000).map { "w\($0 % 7)x" }
        let match = miner.add(words.joined(separator: " "))
        let templateTokens = match.template.split(separator: " ")
        #expect(templateTokens.count == 64)
        #expect(templateTokens.last == "<*>")
        #expect(match.params.count == 1)
        #expect(match.params[0].hasPrefix("w0x w1x"))
        #expect(match.params[0].hasSuffix("w3x"))
        let again = miner.add(words.shuffled().joined(separator: " "))
        #expect(again.template.split(separator: " ").count == 64)
    }

    @Test("an empty or blank message has an empty template")
    func emptyMessage() {
        var miner = TemplateMiner()
        let empty = miner.add("")
        let blank = miner.add("   \t ")
        #expect(empty.template == "")
        #expect(empty.params.isEmpty)
        #expect(blank.id == empty.id)
        #expect(!blank.isNew)
    }

    @Test("unicode tokens survive masking and generalization")
    func unicode() {
        var miner = TemplateMiner()
        _ = miner.add("Datei gelöscht von Jürgen um 3 Uhr 🚀")
        let match = miner.add("Datei gelöscht von Zoë um 12 Uhr 🚀")
        #expect(match.template == "Datei gelöscht von <*> um <*> Uhr 🚀")
        #expect(match.params == ["Zoë", "12"])
        let cjk = miner.add("用户 登录 失败 次数=5")
        #expect(cjk.template == "用户 登录 失败 次数=<*>")
        #expect(cjk.params == ["5"])
    }

    @Test("whitespace runs are one separator")
    func whitespace() {
        var miner = TemplateMiner()
        let match = miner.add("  disk   full\ton  sda1 \r\n")
        #expect(match.template == "disk full on sda1")
    }
}
