import DequeModule
import FaultMavenCore
import Foundation
import LogParsing

/// One stateful parser per file (multiline state is per file), configured per source.
/// Bounded: beyond `maxFiles` the least recently used parser is flushed and dropped (counted).
///
/// It also works out how far each stream may be acknowledged: up to the last line whose event
/// is complete, never into a multiline event still waiting for its next line.
struct ParserBank: Sendable {
    struct Entry: Sendable {
        var parser: EventParser
        var sourceID: String
        var tag: String
        var lastFed: Date
        var streamID: String
        /// Lines fed whose event may still be pending: (line number, stream position).
        var unacked: Deque<(number: Int, position: Int64)> = []
    }

    /// Lines remembered per file for acknowledgement; beyond it the oldest are acknowledged early.
    static let maxUnacked = 4096

    private(set) var entries: [String: Entry] = [:]
    let configs: [String: ParserConfig]
    let fallback: ParserConfig
    let maxFiles: Int
    let pathKeys: [String: String]
    /// Fold rotated generations (`app.log.1`) into one source name (`run`); `analyze` keeps
    /// every path as given.
    let foldRotations: Bool
    private(set) var evictions = 0
    /// Lines whose parser could not be built (should not happen: configs are validated).
    private(set) var failures = 0
    /// Stream positions that are safe to acknowledge once the records emitted so far are handled.
    private(set) var acks: [String: Int64] = [:]
    /// The tag of each stream in `acks` (outputs are chosen by tag).
    private var ackTags: [String: String] = [:]

    /// - Parameters:
    ///   - configs: parser configuration per source id.
    ///   - pathKeys: per source id, the field that receives the file path (`path_key`).
    init(
        configs: [String: ParserConfig], fallback: ParserConfig = ParserConfig(type: .auto), pathKeys: [String: String] = [:],
        foldRotations: Bool = true, maxFiles: Int = 4096
    ) {
        self.configs = configs
        self.foldRotations = foldRotations
        self.fallback = fallback
        self.pathKeys = pathKeys
        self.maxFiles = maxFiles
    }

    /// Parses lines into records (events completed by these lines; multiline events may wait).
    mutating func parse(_ lines: [RawLine], referenceDate: Date, into out: inout [LogRecord]) {
        var events: [ParsedEvent] = []
        var i = 0
        while i < lines.count {
            if lines[i].isStructured {
                out.append(structuredRecord(lines[i]))
                acknowledge(lines[i].streamID, lines[i].position, tag: lines[i].tag)
                i += 1
                continue
            }
            let path = lines[i].path
            guard var entry = takeEntry(for: lines[i], referenceDate: referenceDate) else {
                i += 1
                continue
            }
            // Feed the run of consecutive lines from the same file in one go.
            while i < lines.count && lines[i].path == path && !lines[i].isStructured {
                let line = lines[i]
                if line.streamID != entry.streamID {
                    // A new file at this path (rotation): the old file's last event is complete.
                    entry.parser.flush(into: &events)
                    emit(&events, path: path, entry: entry, readAt: line.readAt, into: &out)
                    settle(&entry)
                    entry.streamID = line.streamID
                }
                entry.parser.feed(line.text, number: line.number, into: &events)
                if !line.streamID.isEmpty {
                    entry.unacked.append((line.number, line.position))
                    if entry.unacked.count > Self.maxUnacked, let old = entry.unacked.popFirst() {
                        acknowledge(entry.streamID, old.position, tag: entry.tag)
                    }
                }
                entry.lastFed = line.readAt
                i += 1
            }
            emit(&events, path: path, entry: entry, readAt: entry.lastFed, into: &out)
            settle(&entry)
            entries[path] = entry
        }
    }

    /// Emits pending multiline events of files idle for at least `idle` seconds.
    mutating func flushIdle(now: Date, idle: TimeInterval, into out: inout [LogRecord]) {
        for (path, var entry) in entries where entry.parser.hasPending && now.timeIntervalSince(entry.lastFed) >= idle {
            var events = entry.parser.flush()
            emit(&events, path: path, entry: entry, readAt: now, into: &out)
            settle(&entry)
            entries[path] = entry
        }
    }

    /// Emits everything pending (shutdown, end of input).
    mutating func flushAll(now: Date, into out: inout [LogRecord]) {
        for path in entries.keys.sorted() {
            guard var entry = entries[path], entry.parser.hasPending else { continue }
            var events = entry.parser.flush()
            emit(&events, path: path, entry: entry, readAt: now, into: &out)
            settle(&entry)
            entries[path] = entry
        }
    }

    /// Hands over the acknowledgeable positions gathered since the last call.
    mutating func takeAcks() -> [String: Int64] {
        defer {
            acks.removeAll(keepingCapacity: true)
            ackTags.removeAll(keepingCapacity: true)
        }
        return acks
    }

    /// Like ``takeAcks()``, with the tag of each stream's records (for routing the acknowledgement
    /// to the output those records went to).
    mutating func takeTaggedAcks() -> [(stream: String, position: Int64, tag: String)] {
        let tags = ackTags
        return takeAcks().map { ($0.key, $0.value, tags[$0.key] ?? "") }
    }

    /// Parser statistics per file.
    var stats: [String: ParserStats] { entries.mapValues { $0.parser.stats } }

    /// Acknowledges every fed line before the pending event (all of them when nothing is pending).
    private mutating func settle(_ entry: inout Entry) {
        let firstPending = entry.parser.pendingFirstLine ?? Int.max
        var last: Int64?
        while let head = entry.unacked.first, head.number < firstPending {
            last = head.position
            entry.unacked.removeFirst()
        }
        if let last { acknowledge(entry.streamID, last, tag: entry.tag) }
    }

    private mutating func acknowledge(_ streamID: String, _ position: Int64, tag: String) {
        guard !streamID.isEmpty else { return }
        acks[streamID] = max(acks[streamID] ?? 0, position)
        ackTags[streamID] = tag
    }

    private mutating func takeEntry(for line: RawLine, referenceDate: Date) -> Entry? {
        if let e = entries.removeValue(forKey: line.path) { return e }
        if entries.count >= maxFiles, let victim = entries.min(by: { $0.value.lastFed < $1.value.lastFed })?.key {
            // Dropping a parser loses only its pending event's state; acknowledge nothing of it.
            entries.removeValue(forKey: victim)
            evictions += 1
        }
        do {
            let parser = try EventParser(config: configs[line.source] ?? fallback, referenceDate: referenceDate)
            return Entry(parser: parser, sourceID: line.source, tag: line.tag, lastFed: line.readAt, streamID: line.streamID)
        } catch {
            failures += 1
            return nil
        }
    }

    private func sourceName(_ path: String) -> String {
        foldRotations ? SourceName.canonical(path) : path
    }

    /// Journal units are services of their own: a unit's errors are judged against that unit's
    /// baseline, not the whole journal's.
    static let unitKeys = ["_SYSTEMD_UNIT", "SYSTEMD_UNIT", "_systemd_unit", "systemd_unit", "SYSLOG_IDENTIFIER", "syslog_identifier"]

    private func structuredRecord(_ line: RawLine) -> LogRecord {
        var fields = line.fields
        if let key = pathKeys[line.source] { fields[key] = line.path }
        let unit = Self.unitKeys.lazy.compactMap { line.fields[$0] }.first
        return LogRecord(
            source: unit.map { "\(line.source):\($0)" } ?? line.source, tag: line.tag, line: line.number, time: line.time, ingestTime: line.readAt,
            level: line.level ?? .unknown, message: line.text, fields: fields)
    }

    private func emit(_ events: inout [ParsedEvent], path: String, entry: Entry, readAt: Date, into out: inout [LogRecord]) {
        let source = sourceName(path)
        let pathKey = pathKeys[entry.sourceID]
        for e in events {
            var fields = e.fields
            if let pathKey { fields[pathKey] = path }
            out.append(LogRecord(
                source: source, tag: entry.tag, line: e.firstLine, time: e.time, ingestTime: readAt,
                level: e.level, message: e.message, fields: fields))
        }
        events.removeAll(keepingCapacity: true)
    }
}
