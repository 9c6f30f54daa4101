import FaultMavenCore
import Foundation
import Synchronization
import Testing

@testable import LogIngest

@Suite(.serialized) struct JournalCursorTests {
    static func numbers(_ lines: [RawLine]) -> [Int] { lines.map { Int($0.text.dropFirst(5))! } }

    @Test func restartResumesRightAfterTheStoredCursor() async throws {
        let dir = try JournalDir()
        defer { dir.remove() }
        let cursor = dir.file("state/cursor.json")
        try dir.write(journalEntries(1...50))
        let registry = MetricsRegistry()
        let first = JournalCollector()
        let run1 = RunningJournalSource(JournalSource(
            config: journalConfig(dir.path, cursor: cursor), output: first.channel, metrics: registry, logger: journalTestLogger))
        try await journalWait("50 entries") { first.count == 50 }
        try await run1.stop()
        await first.finish()
        #expect(try JournalCursorFile(path: cursor).load() != nil)
        #expect((registry.value("faultmaven_checkpoint_writes_total", ["journal-test"]) ?? 0) >= 1)
        // JSON as Fluentd's local storage writes it.
        let stored = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: cursor))) as? [String: String]
        #expect(stored?["journal"]?.hasPrefix("s=") == true)

        try dir.write(journalEntries(51...80))
        let second = JournalCollector()
        let run2 = RunningJournalSource(JournalSource(
            config: journalConfig(dir.path, cursor: cursor), output: second.channel, metrics: registry, logger: journalTestLogger))
        try await journalWait("entry 80") { second.messages.last == "line 80" }
        try await run2.stop()
        await second.finish()
        #expect(Self.numbers(second.snapshot) == Array(51...80))
        #expect(registry.value("faultmaven_journal_cursor_mismatches_total", ["journal-test"]) == 0)
    }

    /// A writer appends numbered entries while the source is stopped gracefully and restarted
    /// several times: every entry arrives exactly once.
    @Test(arguments: [false, true]) func gracefulRestartsWhileWritingLoseAndRepeatNothing(acknowledged: Bool) async throws {
        let dir = try JournalDir()
        defer { dir.remove() }
        let cursor = dir.file("cursor.json")
        let total = 1500
        let writer = try JournalWriter(output: dir.file("a.journal"))
        let written = Atomic<Int>(0)
        let writing = Task {
            var n = 1
            while n <= total {
                let upTo = min(total, n + 24)
                writer.append(journalEntries(n...upTo))
                written.store(upTo, ordering: .releasing)
                n = upTo + 1
                try await Task.sleep(for: .milliseconds(5))
            }
        }
        var all: [RawLine] = []
        for run in 0..<4 {
            let acks = acknowledged ? Acknowledgements() : nil
            let collector = JournalCollector(acknowledgements: acks)
            let running = RunningJournalSource(JournalSource(
                config: journalConfig(dir.path, cursor: cursor), output: collector.channel, metrics: MetricsRegistry(),
                logger: journalTestLogger, acknowledgements: acks))
            if run < 3 {
                try await journalWait("some entries in run \(run)") { collector.count >= 100 }
            } else {
                try await writing.value
                try await journalWait("all entries") { all.count + collector.count >= total }
            }
            try await running.stop()
            await collector.finish()
            all += collector.snapshot
        }
        try writer.close()
        let got = Self.numbers(all)
        let duplicates = got.count - Set(got).count
        let missing = Set(1...total).subtracting(got).sorted()
        #expect(duplicates == 0)
        #expect(missing.isEmpty, "missing: \(missing.prefix(20))")
        #expect(zip(got, got.dropFirst()).allSatisfy { $0 < $1 }, "entries arrive in order")
    }

    @Test func theStoredCursorIsTheLastAcknowledgedEntry() async throws {
        let dir = try JournalDir()
        defer { dir.remove() }
        let cursor = dir.file("cursor.json")
        try dir.write(journalEntries(1...30))
        let acks = Acknowledgements()
        var config = journalConfig(dir.path, cursor: cursor)
        config.shutdownAckTimeout = 0.2
        // A pipeline that received 30 entries but acknowledged only the first 10.
        let collector = JournalCollector()
        let run1 = RunningJournalSource(JournalSource(
            config: config, output: collector.channel, metrics: MetricsRegistry(), logger: journalTestLogger, acknowledgements: acks))
        try await journalWait("30 entries") { collector.count == 30 }
        acks.acknowledge(config.streamID, position: 10)
        try await run1.stop()
        await collector.finish()

        let second = JournalCollector()
        let run2 = RunningJournalSource(JournalSource(
            config: config, output: second.channel, metrics: MetricsRegistry(), logger: journalTestLogger))
        try await journalWait("entry 30 again") { second.messages.last == "line 30" }
        try await run2.stop()
        await second.finish()
        #expect(Self.numbers(second.snapshot) == Array(11...30))
    }

    @Test func gracefulShutdownWaitsForLateAcknowledgements() async throws {
        let dir = try JournalDir()
        defer { dir.remove() }
        let cursor = dir.file("cursor.json")
        try dir.write(journalEntries(1...30))
        let acks = Acknowledgements()
        let config = journalConfig(dir.path, cursor: cursor)
        let slow = JournalCollector(acknowledgements: acks, ackDelay: .milliseconds(300))
        let run1 = RunningJournalSource(JournalSource(
            config: config, output: slow.channel, metrics: MetricsRegistry(), logger: journalTestLogger, acknowledgements: acks))
        try await journalWait("30 entries") { slow.count == 30 }
        try await run1.stop()
        #expect(acks.position(of: config.streamID) == 30, "shutdown returned before the last acknowledgement")
        await slow.finish()

        try dir.write(journalEntries(31...35))
        let second = JournalCollector()
        let run2 = RunningJournalSource(JournalSource(
            config: config, output: second.channel, metrics: MetricsRegistry(), logger: journalTestLogger))
        try await journalWait("entry 35") { second.messages.last == "line 35" }
        try await run2.stop()
        await second.finish()
        #expect(Self.numbers(second.snapshot) == Array(31...35))
    }

    @Test func aStaleCursorSkipsNothingAndIsCounted() async throws {
        let dir = try JournalDir()
        defer { dir.remove() }
        let cursor = dir.file("cursor.json")
        try dir.write(journalEntries(1...10), to: "old.journal")
        let first = JournalCollector()
        let run1 = RunningJournalSource(JournalSource(
            config: journalConfig(dir.path, cursor: cursor), output: first.channel, metrics: MetricsRegistry(), logger: journalTestLogger))
        try await journalWait("10 entries") { first.count == 10 }
        try await run1.stop()
        await first.finish()
        // The file holding the cursor's entry is vacuumed; a new file follows.
        try FileManager.default.removeItem(atPath: dir.file("old.journal"))
        try dir.write(journalEntries(11...15), to: "new.journal")

        let registry = MetricsRegistry()
        let second = JournalCollector()
        let run2 = RunningJournalSource(JournalSource(
            config: journalConfig(dir.path, cursor: cursor), output: second.channel, metrics: registry, logger: journalTestLogger))
        try await journalWait("entry 15") { second.messages.last == "line 15" }
        try await run2.stop()
        await second.finish()
        #expect(Self.numbers(second.snapshot) == Array(11...15))
        #expect(registry.value("faultmaven_journal_cursor_mismatches_total", ["journal-test"]) == 1)
    }

    @Test func aMalformedCursorFallsBackToReadFromHeadAndIsCounted() async throws {
        let dir = try JournalDir()
        defer { dir.remove() }
        let cursor = dir.file("cursor.json")
        try Data(#"{"journal":"not a cursor"}"#.utf8).write(to: URL(fileURLWithPath: cursor))
        try dir.write(journalEntries(1...3))
        let registry = MetricsRegistry()
        let collector = JournalCollector()
        let run = RunningJournalSource(JournalSource(
            config: journalConfig(dir.path, cursor: cursor), output: collector.channel, metrics: registry, logger: journalTestLogger))
        try await journalWait("3 entries") { collector.count == 3 }
        try await run.stop()
        await collector.finish()
        #expect(collector.messages == journalEntries(1...3).map(\.message))
        #expect(registry.value("faultmaven_journal_cursor_mismatches_total", ["journal-test"]) == 1)
        #expect(try JournalCursorFile(path: cursor).load()?.hasPrefix("s=") == true)
    }

    @Test func cursorFileReadsFluentdStorageAndPlainCursors() throws {
        #expect(JournalCursorFile.parse(Array(#"{"journal":"s=abc;i=1"}"#.utf8)) == "s=abc;i=1")
        #expect(JournalCursorFile.parse(Array("s=abc;i=2\n".utf8)) == "s=abc;i=2")
        #expect(JournalCursorFile.parse(Array("{}".utf8)) == nil)
        #expect(JournalCursorFile.parse([]) == nil)
        let dir = try JournalDir()
        defer { dir.remove() }
        let file = JournalCursorFile(path: dir.file("a/b/c.json"))
        #expect(try file.load() == nil)
        try file.save("s=x;i=9")
        #expect(try file.load() == "s=x;i=9")
        #expect(!FileManager.default.fileExists(atPath: dir.file("a/b/c.json.tmp")))
    }

    @Test func trackerCommitsOnlyAcknowledgedEntriesWithinItsLimit() {
        var t = JournalCursorTracker(limit: 3, usesAcknowledgements: true, stored: "c0")
        #expect(t.sent([(1, "c1"), (2, "c2")]) == 0)
        #expect(t.committed == "c0")
        t.acknowledge(upTo: 1)
        #expect(t.committed == "c1" && t.version == 1)
        #expect(t.sent([(3, "c3"), (4, "c4"), (5, "c5")]) == 1)  // c2 forgotten
        t.acknowledge(upTo: 2)
        #expect(t.committed == "c1", "a forgotten cursor is never replaced by a later one")
        t.acknowledge(upTo: 4)
        #expect(t.committed == "c4" && t.pendingCount == 1)

        var plain = JournalCursorTracker(limit: 3, usesAcknowledgements: false, stored: nil)
        _ = plain.sent([(1, "c1"), (2, "c2")])
        #expect(plain.committed == "c2" && plain.lastSentSeq == 2 && plain.pendingCount == 0)
    }
}
