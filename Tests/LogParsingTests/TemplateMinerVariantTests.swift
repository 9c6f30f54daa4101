import Testing

@testable import LogParsing

@Suite("Template miner: variants, renumbered names, frozen patterns")
struct TemplateMinerVariantTests {
    static let closeWithKB = "proxy.example.com:5070 close, 1190 bytes (1.16 KB) sent, 1671 bytes (1.63 KB) received, lifetime 00:02"
    static let closePlain = "proxy.example.com:5070 close, 0 bytes sent, 0 bytes received, lifetime 00:01"
    static let closeUnderSecond = "proxy.example.com:443 close, 403 bytes sent, 426 bytes received, lifetime <1 sec"

    @Test("a message with an optional group of values is a variant sharing the template's id")
    func optionalValueGroup() throws {
        var miner = TemplateMiner()
        let plain = miner.add(Self.closePlain)
        let withKB = miner.add(Self.closeWithKB)
        let underSecond = miner.add(Self.closeUnderSecond)
        #expect(plain.isNew)
        #expect(!withKB.isNew && !underSecond.isNew)
        #expect(withKB.id == plain.id && underSecond.id == plain.id)
        // Each variant keeps its own tokens, so its parameters line up with its own text.
        #expect(withKB.template == "<*>:<*> close, <*> bytes (<*> KB) sent, <*> bytes (<*> KB) received, lifetime <*>:<*>")
        #expect(withKB.params.prefix(3) == ["proxy.example.com", "5070", "1190"])
        #expect(miner.count == 3)
        let listed = try #require(miner.templates.first)
        #expect(miner.templates.count == 1)
        #expect(listed.id == plain.id)
        #expect(listed.count == 3)
        #expect(listed.firstSequence == 1 && listed.lastSequence == 3)
        #expect(miner.match("proxy.example.com:80 close, 1 bytes (2 KB) sent, 3 bytes received, lifetime 00:03")?.id == plain.id)
    }

    @Test("messages that differ in words or named fields, not only values, stay apart")
    func wordsAndFieldsAreNotValueGroups() {
        var miner = TemplateMiner()
        let root = miner.add("Failed password for root from 10.0.0.1 port 22 ssh2")
        let invalid = miner.add("Failed password for invalid user admin from 10.0.0.1 port 22 ssh2")
        #expect(invalid.id != root.id)
        let short = miner.add("authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=10.0.0.1")
        let withUser = miner.add("authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=10.0.0.1 user=root")
        #expect(withUser.id != short.id)
    }

    @Test("maxVariantTokens 0 keeps templates of different lengths apart")
    func variantsCanBeTurnedOff() {
        var miner = TemplateMiner(config: TemplateMinerConfig(maxVariantTokens: 0))
        let plain = miner.add(Self.closePlain)
        let withKB = miner.add(Self.closeWithKB)
        #expect(withKB.isNew)
        #expect(withKB.id != plain.id)
        #expect(miner.templates.count == 2)
    }

    @Test("numbered names that differ only in their numbers join one template")
    func renumberedNames() {
        var miner = TemplateMiner()
        let first = miner.add("sda4 sda8 sda7 sda7")
        let second = miner.add("sda1 sda22 sda3 sda9")
        #expect(second.id == first.id)
        #expect(second.template == "<*> <*> <*> <*>")
        #expect(second.params == ["sda1", "sda22", "sda3", "sda9"])
        let third = miner.add("sda5 sda6 sda0 sda2")
        #expect(third.id == first.id)
        // Other names are another template, although the shown text is the same.
        let other = miner.add("hdb1 hdb2 hdb3 hdb4")
        #expect(other.id != first.id)
    }

    @Test("a widened template keeps taking the messages that fit it")
    func widenedTemplateKeepsMatching() {
        var miner = TemplateMiner()
        let ids = ["L2 cache: 2048K", "L8 cache: 512K", "L3 cache: 1K", "L1 cache: 16K"].map { miner.add($0).id }
        #expect(Set(ids).count == 1)
        #expect(miner.count == 1)
    }

    @Test("templates stop growing when a stream is replayed with new digits")
    func replaysConverge() {
        var miner = TemplateMiner()
        var random = SystemRandomNumberGenerator()
        func pass() {
            for _ in 0..<50 {
                let n = { Int.random(in: 0..<100_000, using: &random) }
                _ = miner.add("r\(n() % 100)=0x\(n()) r\(n() % 100)=0x\(n()) r\(n() % 100)=0x\(n())")
                _ = miner.add("Setting Config: enable_\(n() % 10)G:\(n() % 2), profile_\(n() % 10)g:\(n() % 4)")
                _ = miner.add("L\(n() % 4) cache: \(n())K")
                _ = miner.add("Warning: failed to resolve name an\(n() % 999) an\(n() % 999) an\(n() % 999)")
            }
        }
        pass()
        let afterFirst = miner.count
        pass()
        pass()
        #expect(miner.count == afterFirst)
        #expect(afterFirst <= 4)
        #expect(miner.evictions == 0)
    }

    @Test("a frozen template's pattern keeps its literal parts")
    func frozenPattern() {
        var miner = TemplateMiner(config: TemplateMinerConfig(freezeAfter: 3))
        var first: TemplateMatch?
        for user in ["cyrus", "news", "mail", "cyrus"] {
            let m = miner.add("session opened for user \(user) by (uid=0)")
            first = first ?? m
        }
        let login = miner.add("session opened for user root by LOGIN(uid=0)")
        #expect(login.isNew)
        #expect(login.id != first?.id)
        #expect(miner.add("session opened for user news by (uid=12)").id == first?.id)
    }
}
