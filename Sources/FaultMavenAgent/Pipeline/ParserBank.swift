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

    /// Parses a batch from the pipeline channel: its line values, then its blocks.
    mutating func parse(_ batch: LineBatch, referenceDate: Date, into out: inout [LogRecord]) {
        if !batch.rawLines.isEmpty { parse(batch.rawLines, referenceDate: referenceDate, into: &out) }
        for block in batch.blocks { parse(block, referenceDate: referenceDate, into: &out) }
    }

    /// Parses the lines of one block: one file's run, fed without making a `RawLine` per line.
    mutating func parse(_ block: LineBlock, referenceDate: Date, into out: inout [LogRecord]) {
        guard !block.isEmpty else { return }
        let origin = block.origin
        let path = origin.path
        guard var entry = takeEntry(
            source: origin.source, path: path, tag: origin.tag, streamID: origin.streamID, readAt: block.readAt,
            referenceDate: referenceDate)
        else { return }
        var events: [ParsedEvent] = []
        begin(&entry, streamID: origin.streamID, path: path, readAt: block.readAt, events: &events, into: &out)
        for i in block.indices {
            entry.parser.feed(block.text(at: i), number: block.number(at: i), into: &events)
            noteFed(&entry, number: block.number(at: i), position: block.position(at: i))
        }
        entry.lastFed = block.readAt
        emit(&events, path: path, entry: entry, readAt: entry.lastFed, into: &out)
        settle(&entry)
        entries[path] = entry
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
            guard var entry = takeEntry(
                source: lines[i].source, path: path, tag: lines[i].tag, streamID: lines[i].streamID, readAt: lines[i].readAt,
                referenceDate: referenceDate)
            else {
                i += 1
                continue
            }
            // Feed the run of consecutive lines from the same file in one go.
            while i < lines.count && lines[i].path == path && !lines[i].isStructured {
                let line = lines[i]
                begin(&entry, streamID: line.streamID, path: path, readAt: line.readAt, events: &events, into: &out)
                entry.parser.feed(line.text, number: line.number, into: &events)
                noteFed(&entry, number: line.number, position: line.position)
                entry.lastFed = line.readAt
                i += 1
            }
            emit(&events, path: path, entry: entry, readAt: entry.lastFed, into: &out)
            settle(&entry)
            entries[path] = entry
        }
    }

    /// Before feeding a line of `streamID`: when it is a new file at this path (rotation), the
    /// old file's last event is complete and is emitted.
    private mutating func begin(
        _ entry: inout Entry, streamID: String, path: String, readAt: Date, events: inout [ParsedEvent], into out: inout [LogRecord]
    ) {
        guard streamID != entry.streamID else { return }
        entry.parser.flush(into: &events)
        emit(&events, path: path, entry: entry, readAt: readAt, into: &out)
        settle(&entry)
        entry.streamID = streamID
    }

    /// Remembers a fed line for acknowledgement (lines of one-shot reads have no stream).
    private mutating func noteFed(_ entry: inout Entry, number: Int, position: Int64) {
        guard !entry.streamID.isEmpty else { return }
        entry.unacked.append((number, position))
        if entry.unacked.count > Self.maxUnacked, let old = entry.unacked.popFirst() {
            acknowledge(entry.streamID, old.position, tag: entry.tag)
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

    private mutating func takeEntry(
        source: String, path: String, tag: String, streamID: String, readAt: Date, referenceDate: Date
    ) -> Entry? {
        if let e = entries.removeValue(forKey: path) { return e }
        if entries.count >= maxFiles, let victim = entries.min(by: { $0.value.lastFed < $1.value.lastFed })?.key {
            // Dropping a parser loses only its pending event's state; acknowledge nothing of it.
            entries.removeValue(forKey: victim)
            evictions += 1
        }
        do {
            let parser = try EventParser(config: configs[source] ?? fallback, referenceDate: referenceDate)
            return Entry(parser: parser, sourceID: source, tag: tag, lastFed: readAt, streamID: streamID)
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
