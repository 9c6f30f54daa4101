import Foundation
import LogParsing

/// Grouping and parsing accuracy of ``TemplateMiner`` on the LogPAI loghub-2k samples, scored as
/// `shared/eval/loghub2k/README.md` defines them, against the corrected (loghub-2.0) labels.
enum LoghubScoring {
    /// The 16 systems of loghub-2k.
    static let systems = [
        "Android", "Apache", "BGL", "HDFS", "HPC", "Hadoop", "HealthApp", "Linux", "Mac", "OpenSSH",
        "OpenStack", "Proxifier", "Spark", "Thunderbird", "Windows", "Zookeeper",
    ]

    /// One system's messages (`Content`), ground-truth templates (`EventTemplate`) and raw `.log`
    /// lines, in order.
    struct Dataset {
        var system: String
        var contents: [String]
        var truth: [String]
        var rawLines: [String] = []
    }

    /// Accuracy of one run.
    struct Score {
        var system: String
        var groupingAccuracy: Double
        var parsingAccuracy: Double
        var templates: Int
    }

    /// `<repo>/../shared/eval/loghub2k`, found from a file three levels below the repository root.
    static func dataRoot(testFile: String) -> URL {
        URL(fileURLWithPath: testFile).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("../shared/eval/loghub2k").standardizedFileURL
    }

    static func load(_ system: String, root: URL) throws -> Dataset {
        let url = root.appendingPathComponent("\(system)/\(system)_2k.log_structured_corrected.csv")
        let data = try Data(contentsOf: url)
        let rows = parseCSV(String(decoding: data, as: UTF8.self))
        guard let header = rows.first, let content = header.firstIndex(of: "Content"),
            let template = header.firstIndex(of: "EventTemplate")
        else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: url.path]) }
        var dataset = Dataset(system: system, contents: [], truth: [])
        for row in rows.dropFirst() where row.count > max(content, template) {
            dataset.contents.append(row[content])
            dataset.truth.append(row[template])
        }
        let log = try Data(contentsOf: root.appendingPathComponent("\(system)/\(system)_2k.log"))
        // "\r\n" is one Character in Swift, so CRLF and LF both end a line here.
        dataset.rawLines = String(decoding: log, as: UTF8.self)
            .split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map(String.init)
        if dataset.rawLines.last?.isEmpty == true { dataset.rawLines.removeLast() }
        return dataset
    }

    /// RFC 4180 CSV: quoted fields may hold commas, line breaks and doubled quotes; CRLF or LF rows.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var bytes = Array(text.utf8).makeIterator()
        var pending: UInt8? = nil
        func endField() {
            row.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        while let c = pending ?? bytes.next() {
            pending = nil
            if quoted {
                if c == 0x22 {
                    let next = bytes.next()
                    if next == 0x22 { field.append(0x22) } else { quoted = false; pending = next }
                } else {
                    field.append(c)
                }
                continue
            }
            switch c {
            case 0x22 where field.isEmpty: quoted = true
            case 0x2C: endField()
            case 0x0D: continue
            case 0x0A:
                endField()
                rows.append(row)
                row = []
            default: field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            endField()
            rows.append(row)
        }
        return rows
    }

    /// Feeds the dataset's messages in order to a fresh miner and scores the final templates.
    static func score(_ dataset: Dataset, config: TemplateMinerConfig = TemplateMinerConfig()) -> Score {
        var miner = TemplateMiner(config: config)
        let ids = dataset.contents.map { miner.add($0).id }
        var finalTemplate: [Int: String] = [:]
        for info in miner.templates { finalTemplate[info.id] = info.template }
        let predicted = ids.map { finalTemplate[$0] ?? "" }
        return Score(
            system: dataset.system,
            groupingAccuracy: groupingAccuracy(predicted: ids, truth: dataset.truth),
            parsingAccuracy: parsingAccuracy(predicted: predicted, truth: dataset.truth),
            templates: miner.count)
    }

    /// The product path: the raw `.log` lines through one `EventParser(type: auto)` (format
    /// detection, header parsing) and each event's message into a fresh miner. Every line gets the
    /// template of the event it belongs to (a joined multi-line event gives all its lines one id).
    static func scoreRaw(_ dataset: Dataset, config: TemplateMinerConfig = TemplateMinerConfig()) throws -> Score {
        var parser = try EventParser(
            config: ParserConfig(type: .auto), referenceDate: Date(timeIntervalSince1970: 1_735_689_600))
        var miner = TemplateMiner(config: config)
        var ids = [Int](repeating: 0, count: dataset.rawLines.count)
        var events: [ParsedEvent] = []
        func assign() {
            for event in events {
                let id = miner.add(event.message).id
                for line in event.firstLine..<(event.firstLine + max(event.lineCount, 1)) where ids.indices.contains(line - 1) {
                    ids[line - 1] = id
                }
            }
            events.removeAll(keepingCapacity: true)
        }
        for (index, line) in dataset.rawLines.enumerated() {
            parser.feed(line, number: index + 1, into: &events)
            assign()
        }
        parser.flush(into: &events)
        assign()
        var finalTemplate: [Int: String] = [:]
        for info in miner.templates { finalTemplate[info.id] = info.template }
        let truth = Array(dataset.truth.prefix(ids.count))
        return Score(
            system: dataset.system,
            groupingAccuracy: groupingAccuracy(predicted: Array(ids.prefix(truth.count)), truth: truth),
            parsingAccuracy: parsingAccuracy(predicted: ids.prefix(truth.count).map { finalTemplate[$0] ?? "" }, truth: truth),
            templates: miner.count)
    }

    /// A message counts when its predicted group holds exactly the messages of its true template.
    static func groupingAccuracy(predicted: [Int], truth: [String]) -> Double {
        guard !truth.isEmpty else { return 0 }
        var truthSize: [String: Int] = [:]
        for label in truth { truthSize[label, default: 0] += 1 }
        var members: [Int: [Int]] = [:]
        for (index, id) in predicted.enumerated() { members[id, default: []].append(index) }
        var correct = 0
        for group in members.values {
            let label = truth[group[0]]
            if group.allSatisfy({ truth[$0] == label }) && truthSize[label] == group.count {
                correct += group.count
            }
        }
        return Double(correct) / Double(truth.count)
    }

    /// A message counts when its template equals the true one after collapsing whitespace runs.
    static func parsingAccuracy(predicted: [String], truth: [String]) -> Double {
        guard !truth.isEmpty else { return 0 }
        let correct = zip(predicted, truth).filter { collapse($0) == collapse($1) }.count
        return Double(correct) / Double(truth.count)
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
