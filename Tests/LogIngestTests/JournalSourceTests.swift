import FaultMavenCore
import Foundation
import Testing

@testable import LogIngest

@Suite(.serialized) struct JournalSourceTests {
    /// Runs a source until cancelled; returns the task.
    static func start(_ config: JournalConfig, _ collector: JournalCollector, _ registry: MetricsRegistry = MetricsRegistry()) -> Task<Void, Error> {
        let source = JournalSource(config: config, output: collector.channel, metrics: registry, logger: journalTestLogger)
        return Task { try await source.run() }
    }

    @Test func readsFromHeadWithFieldsLevelsAndTime() async throws {
        let dir = try JournalDir()
        defer { dir.remove() }
        let app = ["_SYSTEMD_UNIT": "app.service", "SYSLOG_IDENTIFIER": "app", "_PID": "42", "_HOSTNAME": "h1"]
        try dir.write([
            ExportEntry(n: 1, message: "starting", fields: app.merging(["PRIORITY": "6"]) { $1 }),
            ExportEntry(n: 2, message: "disk failed", fields: app.merging(["PRIORITY": "3"]) { $1 }),
            ExportEntry(n: 3, message: "no priority", binary: ["BLOB": [0, 1, 2, 255]]),
            ExportEntry(n: 4, message: "", fields: ["PRIORITY": "2"], binary: ["MESSAGE": [0x6F, 0x6B, 0xFF]]),
        ])
        let registry = MetricsRegistry()
        let collector = JournalCollector()
        let task = Self.start(journalConfig(dir.path), collector, registry)
        try await journalWait("4 entries") { collector.count == 4 }
        task.cancel()
        try await task.value
        await collector.finish()
        let lines = collector.snapshot
        #expect(lines.map(\.text) == ["starting", "disk failed", "no priority", "ok\u{FFFD}"])
        #expect(lines.map(\.level) == [.info, .error, nil, .fatal])
        #expect(lines[0].time == Date(timeIntervalSince1970: 1_700_000_000.001))
        #expect(lines[0].fields["_SYSTEMD_UNIT"] == "app.service")
        #expect(lines[0].fields["SYSLOG_IDENTIFIER"] == "app")
        #expect(lines[0].fields["_PID"] == "42")
        #expect(lines[0].fields["_HOSTNAME"] == "h1")
        #expect(lines[0].fields["PRIORITY"] == "6")
        #expect(lines[0].fields["MESSAGE"] == nil)
        #expect(lines[2].fields["BLOB"] == "AAEC/w==")
        #expect(lines.map(\.position) == [1, 2, 3, 4])
        #expect(lines.map(\.number) == [1, 2, 3, 4])
        #expect(lines.allSatisfy { $0.streamID == "journal:journal-test" && $0.path == dir.path && $0.tag == "journal.test" })
        #expect(lines.allSatisfy { $0.isStructured })
        #expect(registry.value("faultmaven_source_lines_total", ["journal-test"]) == 4)
        #expect(registry.value("faultmaven_source_bytes_total", ["journal-test"]) == Double(8 + 11 + 11 + 5))
        #expect(registry.value("faultmaven_source_skipped_lines_total", ["journal-test", "invalid_utf8"]) == 1)
        #expect(registry.value("faultmaven_journal_fields_altered_total", ["journal-test", "base64"]) == 1)
    }

    @Test func matchesAreOrBetweenHashesAndAndWithin() async throws {
        let dir = try JournalDir()
        defer { dir.remove() }
        func e(_ n: Int, _ unit: String, _ prio: String) -> ExportEntry {
            ExportEntry(n: n, message: "m\(n)", fields: ["_SYSTEMD_UNIT": unit, "PRIORITY": prio])
        }
        try dir.write([e(1, "a.service", "3"), e(2, "a.service", "6"), e(3, "b.service", "3"), e(4, "c.service", "6"),
                       e(5, "c.service", "3"), e(6, "b.service", "6"), e(7, "c.service", "7")])
        var config = journalConfig(dir.path)
        config.matches = [["_SYSTEMD_UNIT": "a.service", "PRIORITY": "3"], ["_SYSTEMD_UNIT": "c.service"]]
        let collector = JournalCollector()
        let task = Self.start(config, collector)
        // m7 is the last entry: once it arrived, every earlier entry was decided.
        try await journalWait("m7") { collector.messages.contains("m7") }
        task.cancel()
        try await task.value
        await collector.finish()
        #expect(collector.messages == ["m1", "m4", "m5", "m7"])
    }

    @Test func startsAtTheTailAndFollowsAppendedEntries() async throws {
        let dir = try JournalDir()
        defer { dir.remove() }
        try dir.write(journalEntries(1...5), to: "a.journal")
        let writer = try JournalWriter(output: dir.file("a.journal"))
        let collector = JournalCollector()
        let task = Self.start(journalConfig(dir.path, head: false), collector)
        // The source positions itself asynchronously: keep appending until it sees entries.
        var n = 5
        try await journalWait("first followed entry") {
            n += 1
            writer.append(journalEntries(n...n))
            return collector.count > 0
        }
        writer.append(journalEntries((n + 1)...(n + 20)))
        try await journalWait("entry \(n + 20)") { collector.messages.last == "line \(n + 20)" }
        task.cancel()
        try await task.value
        await collector.finish()
        try writer.close()
        let got = collector.messages.map { Int($0.dropFirst(5))! }
        #expect(got.first! > 5, "entries present at startup were read without read_from_head")
        #expect(got == Array(got.first!...(n + 20)), "followed entries have no gap or duplicate")
    }

    @Test func seesRotatedFilesAndSurvivesDeletedFiles() async throws {
        let dir = try JournalDir()
        defer { dir.remove() }
        try dir.write(journalEntries(1...10), to: "system@1.journal")
        let collector = JournalCollector()
        let task = Self.start(journalConfig(dir.path), collector)
        try await journalWait("10 entries") { collector.count == 10 }
        try dir.write(journalEntries(11...20), to: "system@2.journal")
        try await journalWait("20 entries") { collector.count == 20 }
        try FileManager.default.removeItem(atPath: dir.file("system@1.journal"))
        try dir.write(journalEntries(21...30), to: "system.journal")
        try await journalWait("30 entries") { collector.count == 30 }
        task.cancel()
        try await task.value
        await collector.finish()
        #expect(collector.messages == journalEntries(1...30).map(\.message))
    }

    @Test func keepsReadingWhenAFileIsDeletedMidRead() async throws {
        let dir = try JournalDir()
        defer { dir.remove() }
        try dir.write(journalEntries(1...2000), to: "old.journal")
        // A one-batch channel nobody reads yet: the reader stops mid-file.
        let collector = JournalCollector(channel: BoundedChannel(capacity: 1), paused: true)
        let registry = MetricsRegistry()
        let task = Self.start(journalConfig(dir.path), collector, registry)
        try await journalWait("first batch sent") { (registry.value("faultmaven_source_lines_total", ["journal-test"]) ?? 0) > 0 }
        try FileManager.default.removeItem(atPath: dir.file("old.journal"))
        try dir.write(journalEntries(3001...3010), to: "new.journal")
        collector.resume()
        try await journalWait("entries of the new file") { collector.messages.last == "line 3010" }
        task.cancel()
        try await task.value
        await collector.finish()
        // sd-journal drops a deleted file only when it processes directory events, which the
        // reader does once caught up: the open file is read to its end first.
        let got = collector.messages
        #expect(got.count == 2010)
        #expect(got == (journalEntries(1...2000) + journalEntries(3001...3010)).map(\.message))
    }

    @Test func waitsForAMissingDirectoryAndReadsItFromTheHead() async throws {
        let dir = try JournalDir()
        defer { dir.remove() }
        let sub = dir.file("journal")
        let collector = JournalCollector()
        let task = Self.start(journalConfig(sub, head: false), collector)
        try await Task.sleep(for: .milliseconds(200))  // lets the source find the path missing (not an assertion)
        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: false)
        try JournalDir.write(journalEntries(1...5), file: sub + "/x.journal")
        try await journalWait("5 entries") { collector.count == 5 }
        task.cancel()
        try await task.value
        await collector.finish()
        #expect(collector.messages == journalEntries(1...5).map(\.message))
    }

    @Test func anEmptyDirectoryThatGetsAJournalLaterIsReadFromItsHead() async throws {
        let dir = try JournalDir()
        defer { dir.remove() }
        let collector = JournalCollector()
        let registry = MetricsRegistry()
        let task = Self.start(journalConfig(dir.path, head: false), collector, registry)
        try await Task.sleep(for: .milliseconds(200))  // lets the source open the empty directory (not an assertion)
        try dir.write(journalEntries(1...5), to: "late.journal")
        try await journalWait("5 entries") { collector.count == 5 }
        task.cancel()
        try await task.value
        await collector.finish()
        #expect(collector.messages == journalEntries(1...5).map(\.message))
    }

    @Test func entryOptionsStripUnderscoresLowercaseAndMap() async throws {
        let dir = try JournalDir()
        defer { dir.remove() }
        try dir.write([ExportEntry(n: 1, message: "hi", fields: ["_PID": "7", "_COMM": "sshd", "SYSLOG_IDENTIFIER": "sshd", "_HOSTNAME": "h"])])
        var config = journalConfig(dir.path)
        config.fieldsStripUnderscores = true
        config.fieldsLowercase = true
        config.fieldMap = ["_HOSTNAME": ["host"], "MESSAGE": ["log"]]
        let collector = JournalCollector()
        let task = Self.start(config, collector)
        try await journalWait("1 entry") { collector.count == 1 }
        task.cancel()
        try await task.value
        await collector.finish()
        let fields = collector.snapshot[0].fields
        #expect(fields["pid"] == "7")
        #expect(fields["comm"] == "sshd")
        #expect(fields["syslog_identifier"] == "sshd")
        #expect(fields["host"] == "h")
        #expect(fields["log"] == "hi")
        #expect(fields["hostname"] == nil && fields["_PID"] == nil && fields["message"] == nil)
    }

    @Test func anUnreadableCursorFileIsAnErrorNamingIt() async throws {
        let dir = try JournalDir()
        defer { dir.remove() }
        let cursor = dir.file("cursor.json")
        try FileManager.default.createDirectory(atPath: cursor, withIntermediateDirectories: false)
        let collector = JournalCollector()
        let task = Self.start(journalConfig(dir.path, cursor: cursor), collector)
        let error = await #expect(throws: FaultMavenError.self) { try await task.value }
        #expect(error?.message.contains(cursor) == true)
        await collector.finish()
    }
}
