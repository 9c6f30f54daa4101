import FaultMavenCore
import Foundation
import LogParsing
import Testing
@testable import FaultMavenAgent

@Suite struct ParserBankTests {
    static func line(_ n: Int, _ text: String, stream: String = "1:2:0", position: Int64) -> RawLine {
        var l = RawLine(source: "s", path: "/var/log/app.log", tag: "t", number: n, text: text)
        l.streamID = stream
        l.position = position
        return l
    }

    @Test func acknowledgesOnlyCompletedEvents() {
        var bank = ParserBank(configs: [:])
        var out: [LogRecord] = []
        bank.parse([
            Self.line(1, "2026-03-02 08:00:00,000 INFO app.x: one", position: 40),
            Self.line(2, "2026-03-02 08:00:01,000 ERROR app.x: boom", position: 80),
            Self.line(3, "Traceback (most recent call last):", position: 120),
        ], referenceDate: Date(), into: &out)
        // Line 1's event is complete; the error (lines 2-3) may still grow.
        #expect(out.map(\.message) == ["one"])
        #expect(bank.takeAcks() == ["1:2:0": 40])
        bank.flushAll(now: Date(), into: &out)
        #expect(out.count == 2)
        #expect(bank.takeAcks() == ["1:2:0": 120])
        #expect(bank.takeAcks().isEmpty, "taken once")
    }

    @Test func aNewStreamAtThePathCompletesTheOldOne() {
        var bank = ParserBank(configs: [:])
        var out: [LogRecord] = []
        bank.parse([
            Self.line(1, "2026-03-02 08:00:00,000 INFO app.x: old file", stream: "1:2:0", position: 50),
            Self.line(1, "2026-03-02 08:00:05,000 INFO app.x: new file", stream: "1:3:0", position: 50),
        ], referenceDate: Date(), into: &out)
        #expect(out.map(\.message) == ["old file"])
        #expect(bank.takeAcks() == ["1:2:0": 50])
    }

    @Test func structuredEntriesSkipParsing() {
        var bank = ParserBank(configs: [:])
        var out: [LogRecord] = []
        var e = RawLine(source: "journal", path: "/var/log/journal", tag: "sys", number: 7, text: "ERROR: not a level here")
        e.level = .warn
        e.time = Date(timeIntervalSince1970: 1_700_000_000)
        e.fields = ["_SYSTEMD_UNIT": "a.service"]
        e.streamID = "journal:j"
        e.position = 7
        bank.parse([e], referenceDate: Date(), into: &out)
        #expect(out.count == 1)
        #expect(out[0].level == .warn && out[0].message == "ERROR: not a level here")
        #expect(out[0].fields["_SYSTEMD_UNIT"] == "a.service")
        #expect(out[0].source == "journal:a.service", "each unit is analyzed as its own source")
        #expect(bank.takeAcks() == ["journal:j": 7])
    }

    @Test func blocksParseLikeTheSameLinesGivenAsValues() {
        let old = LineOrigin(source: "s", path: "/var/log/app.log", tag: "t", streamID: "1:2:0")
        let new = LineOrigin(source: "s", path: "/var/log/app.log", tag: "t", streamID: "1:3:0")
        let readAt = Date(timeIntervalSince1970: 1_000)
        var a = LineBlock(origin: old, firstNumber: 1, readAt: readAt)
        a.append("2026-03-02 08:00:00,000 INFO app.x: one", position: 40)
        a.append("2026-03-02 08:00:01,000 ERROR app.x: boom", position: 82)
        a.append("Traceback (most recent call last):", position: 117)
        var b = LineBlock(origin: new, firstNumber: 1, readAt: readAt)
        b.append("2026-03-02 08:00:05,000 INFO app.x: new file", position: 45)
        b.append("2026-03-02 08:00:06,000 WARN app.x: again", position: 87)
        let batch = LineBatch(blocks: [a, b])

        var byBlocks = ParserBank(configs: [:])
        var fromBlocks: [LogRecord] = []
        byBlocks.parse(batch, referenceDate: readAt, into: &fromBlocks)
        var byValues = ParserBank(configs: [:])
        var fromValues: [LogRecord] = []
        byValues.parse(Array(batch), referenceDate: readAt, into: &fromValues)

        // The rotation completes the multiline error of the old stream; the new stream's last event may grow.
        #expect(fromBlocks.map(\.message) == ["one", "boom\nTraceback (most recent call last):", "new file"])
        #expect(fromBlocks.map(\.message) == fromValues.map(\.message))
        #expect(fromBlocks.map(\.line) == fromValues.map(\.line))
        #expect(fromBlocks.map(\.level) == fromValues.map(\.level))
        let acks = byBlocks.takeAcks()
        #expect(acks == ["1:2:0": 117, "1:3:0": 45])
        #expect(acks == byValues.takeAcks())
    }
}
