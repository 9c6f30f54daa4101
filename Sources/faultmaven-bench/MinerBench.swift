import FaultMavenCore
import Foundation
import LogParsing

/// The template-mining benchmark of issue 4: the 16 loghub-2k samples interleaved line by line and
/// replayed to 1,000,000 lines (`--lines N` for another length), the ASCII digits of every replay
/// after the first re-randomised (seeded, so every run sees the same stream). Paths, each on one core
/// (see ``MinerBench/Path``):
///
/// - **miner**: ``TemplateMiner/add(_:)`` on the `Content` column of the `_structured_corrected.csv`
///   files (the message as loghub's ground truth cuts it);
/// - **auto**: the raw `.log` lines through one `EventParser(type: auto)` per system, as the agent
///   runs one parser (with its own detected format) per source; lines stay interleaved across the
///   16 parsers;
/// - **auto + miner**: the same, each event's message into one shared miner (the agent's
///   `RecordProcessor` keeps one miner for all sources);
/// - **one auto parser**: all 16 systems through a single auto parser, which must switch format
///   line by line: not how the agent runs, the worst case for auto detection.
///
/// In the raw lines only the message part (from where the `Content` value starts) is re-randomised,
/// so timestamps stay valid. Templates are counted after the timed lines and again after two more
/// replays of the stream with new digits; the true count is the sum of the rows of the 16
/// `_templates_corrected.csv` files.
enum MinerBench {
    /// Lines in the timed stream unless `--lines` says otherwise.
    static let defaultStreamLines = 1_000_000
    /// Timed runs per path (fresh miner each); the best and the spread are reported.
    static let runs = 3
    static let seed: UInt64 = 0x4641_554C_544D_4156

    static let systems = [
        "Android", "Apache", "BGL", "HDFS", "HPC", "Hadoop", "HealthApp", "Linux", "Mac", "OpenSSH",
        "OpenStack", "Proxifier", "Spark", "Thunderbird", "Windows", "Zookeeper",
    ]

    /// One system's sample: its messages, its raw lines (same order), and where each message starts
    /// in its raw line (`nil` when the message is not found verbatim).
    struct Sample {
        var name: String
        var contents: [[UInt8]] = []
        var raw: [[UInt8]] = []
        var contentStart: [Int?] = []
        var trueTemplates = 0
    }

    /// What one measured path runs.
    enum Path: String, CaseIterable {
        case miner
        case auto
        case autoMiner = "auto-miner"
        case oneAuto = "one-auto"

        var name: String {
            switch self {
            case .miner: "miner alone, Content column"
            case .auto: "EventParser(auto) alone, one per system, raw lines"
            case .autoMiner: "EventParser(auto) per system + one miner, raw lines"
            case .oneAuto: "one EventParser(auto) for all 16 systems, raw lines"
            }
        }

        /// Reads the raw `.log` lines (else the `Content` column).
        var raw: Bool { self != .miner }
        /// Feeds events to the miner.
        var mines: Bool { self == .miner || self == .autoMiner }
    }

    /// One measured path.
    struct Result {
        var name: String
        var linesPerSecond: [Double] = []
        var cpuLinesPerSecond: [Double] = []
        var events = 0
        var templates = 0
        var templatesAfterReplays = 0
        var evictions = 0
        var peakRSSMiB = 0.0
        var streamMiB = 0.0
    }

    static func load(root: URL) throws -> [Sample] {
        try systems.map { name in
            let dir = root.appendingPathComponent(name)
            var sample = Sample(name: name)
            let rows = parseCSV(try Data(contentsOf: dir.appendingPathComponent("\(name)_2k.log_structured_corrected.csv")))
            guard let header = rows.first, let column = header.firstIndex(of: Array("Content".utf8)) else {
                throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: dir.path])
            }
            sample.contents = rows.dropFirst().compactMap { $0.count > column ? $0[column] : nil }
            let log = [UInt8](try Data(contentsOf: dir.appendingPathComponent("\(name)_2k.log")))
            sample.raw = log.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
                Array(line.last == 0x0D ? line.dropLast() : line[...])
            }
            if sample.raw.last?.isEmpty == true { sample.raw.removeLast() }
            for (i, line) in sample.raw.enumerated() {
                sample.contentStart.append(i < sample.contents.count ? lastRange(of: sample.contents[i], in: line) : nil)
            }
            let templates = parseCSV(try Data(contentsOf: dir.appendingPathComponent("\(name)_2k.log_templates_corrected.csv")))
            sample.trueTemplates = max(templates.filter { !($0.count == 1 && $0[0].isEmpty) }.count - 1, 0)
            return sample
        }
    }

    /// Builds `count` lines: samples interleaved line by line, passes after `firstPass` with their
    /// digits replaced from `rng`. `raw` selects the `.log` lines instead of the messages.
    static func stream(
        _ samples: [Sample], raw: Bool, count: Int, firstPass: Int, rng: inout SplitMix64
    ) -> [String] {
        var lines: [String] = []
        lines.reserveCapacity(count)
        var pass = firstPass
        let longest = samples.map { raw ? $0.raw.count : $0.contents.count }.max() ?? 0
        guard longest > 0 else { return [] }
        var buffer: [UInt8] = []
        while lines.count < count {
            for k in 0..<longest {
                for s in samples where k < (raw ? s.raw.count : s.contents.count) {
                    guard lines.count < count else { return lines }
                    buffer.removeAll(keepingCapacity: true)
                    buffer.append(contentsOf: raw ? s.raw[k] : s.contents[k])
                    if pass > 0 {
                        let from = raw ? (s.contentStart[k] ?? buffer.count) : 0
                        for i in from..<buffer.count where buffer[i] &- 0x30 < 10 {
                            buffer[i] = 0x30 + UInt8(rng.next(below: 10))
                        }
                    }
                    lines.append(String(decoding: buffer, as: UTF8.self))
                }
            }
            pass += 1
        }
        return lines
    }

    /// Runs `path` `runs` times on a stream of `count` lines (fresh parsers and miner each), then
    /// two more replays into the last run's state.
    static func measure(_ samples: [Sample], path: Path, count: Int) throws -> Result {
        var result = Result(name: path.name)
        let raw = path.raw
        var rng = SplitMix64(seed: seed)
        var lines = stream(samples, raw: raw, count: count, firstPass: 0, rng: &rng)
        let perSystem = samples.map { raw ? $0.raw.count : $0.contents.count }
        result.streamMiB = Double(lines.reduce(0) { $0 + $1.utf8.count + 16 }) / 1_048_576
        var last: Pass?
        for _ in 0..<runs {
            let wall = CPUClock.wall()
            let cpu = CPUClock.selfSeconds()
            var pass = try Pass(path: path, systems: samples.count)
            pass.run(lines, perSystem: perSystem)
            let dw = CPUClock.wall() - wall
            let dc = CPUClock.selfSeconds() - cpu
            result.linesPerSecond.append(Double(lines.count) / dw)
            result.cpuLinesPerSecond.append(Double(lines.count) / dc)
            last = pass
        }
        guard var pass = last else { return result }
        result.events = pass.events
        result.templates = pass.miner.count
        // Two more replays with new digits, into the same parsers and miner.
        for replay in 1...2 {
            lines = []
            lines = stream(samples, raw: raw, count: count, firstPass: replay, rng: &rng)
            pass.run(lines, perSystem: perSystem)
        }
        result.templatesAfterReplays = pass.miner.count
        result.evictions = pass.miner.evictions
        result.peakRSSMiB = peakRSSMiB()
        return result
    }

    /// One path's state: the parsers (raw paths) and the miner.
    struct Pass {
        let path: Path
        var parsers: [EventParser] = []
        var miner = TemplateMiner()
        var events = 0
        var sink = 0

        init(path: Path, systems: Int) throws {
            self.path = path
            guard path.raw else { return }
            let reference = Date(timeIntervalSince1970: 1_735_689_600)
            for _ in 0..<(path == .oneAuto ? 1 : systems) {
                parsers.append(try EventParser(config: ParserConfig(type: .auto), referenceDate: reference))
            }
        }

        /// Lines come interleaved as `stream` builds them; `perSystem` says how many lines each
        /// system has, to route each raw line to its system's parser.
        mutating func run(_ lines: [String], perSystem: [Int]) {
            guard path.raw else {
                for line in lines { note(miner.add(line)) }
                return
            }
            var events: [ParsedEvent] = []
            let longest = perSystem.max() ?? 0
            var i = 0
            var number = 0
            while i < lines.count {
                for k in 0..<longest where i < lines.count {
                    number += 1
                    for s in perSystem.indices where k < perSystem[s] && i < lines.count {
                        parsers[parsers.count == 1 ? 0 : s].feed(lines[i], number: number, into: &events)
                        i += 1
                        take(&events)
                    }
                }
            }
            for s in parsers.indices {
                parsers[s].flush(into: &events)
                take(&events)
            }
        }

        private mutating func take(_ events: inout [ParsedEvent]) {
            if path.mines {
                for e in events { note(miner.add(e.message)) }
            } else {
                for e in events { sink &+= e.message.utf8.count &+ e.fields.count }
                self.events += events.count
            }
            events.removeAll(keepingCapacity: true)
        }

        private mutating func note(_ match: TemplateMatch) {
            events += 1
            sink &+= match.params.count
        }
    }

    /// `VmHWM` of this process in MiB, or 0 where `/proc` is not available.
    static func peakRSSMiB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kb = line.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? 0
            return kb / 1024
        }
        return 0
    }

    /// Offset of the last occurrence of `needle` in `haystack`.
    static func lastRange(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        var start = haystack.count - needle.count
        while start >= 0 {
            if haystack[start] == needle[0] && haystack[start..<(start + needle.count)].elementsEqual(needle) {
                return start
            }
            start -= 1
        }
        return nil
    }

    /// RFC 4180 CSV as byte fields: quoted fields may hold commas, line breaks and doubled quotes.
    static func parseCSV(_ data: Data) -> [[[UInt8]]] {
        let data = [UInt8](data)
        var rows: [[[UInt8]]] = []
        var row: [[UInt8]] = []
        var field: [UInt8] = []
        var quoted = false
        var i = data.startIndex
        while i < data.endIndex {
            let c = data[i]
            i += 1
            if quoted {
                if c == 0x22 {
                    if i < data.endIndex && data[i] == 0x22 {
                        field.append(0x22)
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
                continue
            }
            switch c {
            case 0x22 where field.isEmpty: quoted = true
            case 0x2C:
                row.append(field)
                field = []
            case 0x0D: continue
            case 0x0A:
                row.append(field)
                field = []
                rows.append(row)
                row = []
            default: field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }

    static func table(_ results: [Result], trueTemplates: Int) -> String {
        func rate(_ v: Double) -> String { String(Int(v.rounded())) }
        var out = "| path | lines/s (best of \(runs)) | spread | lines/s per CPU second | events | templates "
            + "| after 2 more replays | true templates | evictions | peak RSS (VmHWM) | stream held |\n"
        out += "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        for r in results {
            let mined = r.templates > 0
            func t(_ v: Int) -> String { mined ? String(v) : "—" }
            let best = r.linesPerSecond.max() ?? 0
            let worst = r.linesPerSecond.min() ?? 0
            out += "| \(r.name) | \(rate(best)) | \(rate(worst))–\(rate(best)) | \(rate(r.cpuLinesPerSecond.max() ?? 0)) "
                + "| \(r.events) | \(t(r.templates)) | \(t(r.templatesAfterReplays)) | \(t(trueTemplates)) | \(t(r.evictions)) "
                + "| \(String(format: "%.0f", r.peakRSSMiB)) MiB | \(String(format: "%.0f", r.streamMiB)) MiB |\n"
        }
        return out
    }
}

/// Runs ``MinerBench`` on the loghub-2k samples under `evalRoot` (the shared `eval` folder, or its
/// `loghub2k` folder itself) and returns the results as a markdown table, or a line naming what
/// could not be read.
func minerBench(evalRoot: URL, lines: Int, paths: [MinerBench.Path]) -> String {
    let nested = evalRoot.appendingPathComponent("loghub2k")
    let root = FileManager.default.fileExists(atPath: nested.path) ? nested : evalRoot
    let samples: [MinerBench.Sample]
    do {
        samples = try MinerBench.load(root: root)
    } catch {
        return "miner bench: cannot read the loghub-2k samples under \(root.path): \(error)\n"
    }
    let missing = samples.reduce(0) { $0 + $1.contentStart.filter { $0 == nil }.count }
    var results: [MinerBench.Result] = []
    do {
        for path in paths { results.append(try MinerBench.measure(samples, path: path, count: lines)) }
    } catch {
        return "miner bench: cannot create the auto parser: \(error)\n"
    }
    var out = "Stream: the 16 loghub-2k samples interleaved, replayed to \(lines) lines, "
        + "digits re-randomised after the first pass (seed \(String(MinerBench.seed, radix: 16))); one core.\n\n"
    out += MinerBench.table(results, trueTemplates: samples.reduce(0) { $0 + $1.trueTemplates })
    out += "\nPeak RSS is the process high-water mark so far (paths run in this order, so later rows include "
        + "earlier ones), including the stream held in memory. "
        + "\(missing) raw lines whose message was not found verbatim keep their digits.\n"
    return out
}
