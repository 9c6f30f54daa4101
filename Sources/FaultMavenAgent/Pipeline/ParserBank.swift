import FaultMavenCore
import Foundation
import LogParsing

/// One stateful parser per file (multiline state is per file), configured per source.
/// Bounded: beyond `maxFiles` the least recently used parser is flushed and dropped (counted).
struct ParserBank: Sendable {
    struct Entry: Sendable {
        var parser: EventParser
        var sourceID: String
        var tag: String
        var lastFed: Date
    }

    private(set) var entries: [String: Entry] = [:]
    let configs: [String: ParserConfig]
    let fallback: ParserConfig
    let maxFiles: Int
    let pathKeys: [String: String]
    /// Fold rotated generations (`app.log.1`) into one source name (`run`); `analyze` keeps
    /// every path as given.
    let foldRotations: Bool
    private(set) var evictions = 0
    /// Records whose parser could not be built (should not happen: configs are validated).
    private(set) var failures = 0

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
            let path = lines[i].path
            guard var entry = takeEntry(for: lines[i], referenceDate: referenceDate) else {
                i += 1
                continue
            }
            // Feed the run of consecutive lines from the same file in one go.
            var last = lines[i]
            while i < lines.count && lines[i].path == path {
                entry.parser.feed(lines[i].text, number: lines[i].number, into: &events)
                last = lines[i]
                i += 1
            }
            entry.lastFed = last.readAt
            emit(&events, path: path, entry: entry, readAt: last.readAt, into: &out)
            entries[path] = entry
        }
    }

    /// Emits pending multiline events of files idle for at least `idle` seconds.
    mutating func flushIdle(now: Date, idle: TimeInterval, into out: inout [LogRecord]) {
        for (path, var entry) in entries where entry.parser.hasPending && now.timeIntervalSince(entry.lastFed) >= idle {
            var events = entry.parser.flush()
            emit(&events, path: path, entry: entry, readAt: now, into: &out)
            entries[path] = entry
        }
    }

    /// Emits everything pending (shutdown, end of input).
    mutating func flushAll(now: Date, into out: inout [LogRecord]) {
        for path in entries.keys.sorted() {
            guard var entry = entries[path], entry.parser.hasPending else { continue }
            var events = entry.parser.flush()
            emit(&events, path: path, entry: entry, readAt: now, into: &out)
            entries[path] = entry
        }
    }

    /// Parser statistics per file.
    var stats: [String: ParserStats] { entries.mapValues { $0.parser.stats } }

    private mutating func takeEntry(for line: RawLine, referenceDate: Date) -> Entry? {
        if let e = entries.removeValue(forKey: line.path) { return e }
        if entries.count >= maxFiles, let victim = entries.min(by: { $0.value.lastFed < $1.value.lastFed })?.key {
            entries.removeValue(forKey: victim)
            evictions += 1
        }
        do {
            let parser = try EventParser(config: configs[line.source] ?? fallback, referenceDate: referenceDate)
            return Entry(parser: parser, sourceID: line.source, tag: line.tag, lastFed: line.readAt)
        } catch {
            failures += 1
            return nil
        }
    }

    private func emit(_ events: inout [ParsedEvent], path: String, entry: Entry, readAt: Date, into out: inout [LogRecord]) {
        let source = foldRotations ? SourceName.canonical(path) : path
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
