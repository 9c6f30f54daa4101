import FaultMavenCore
import Foundation
import Testing
import LogAnalysis

/// Replays the labelled `payments.jsonl` of the shared eval set in event time and checks the detectors
/// against its labels. The template ids come from a tiny masking function (tokens with digits → `<*>`)
/// because the real miner lives in another module.
@Suite struct PaymentsReplayTests {
    struct Label {
        let kind: String
        let start: Date
        let end: Date
    }

    static var dataDirectory: URL {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("../shared/eval/incidents/public").standardized
    }

    static func date(_ text: String) -> Date? {
        (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text))
            ?? (try? Date.ISO8601FormatStyle().parse(text))
    }

    /// Tokens holding a digit become `<*>` (and parameters); equal templates share an id.
    static func mask(_ message: String, ids: inout [String: Int]) -> (template: String, id: Int, params: [String]) {
        var params: [String] = []
        let tokens = message.split(separator: " ", omittingEmptySubsequences: false).map { token -> Substring in
            guard token.contains(where: \.isNumber) else { return token }
            params.append(String(token))
            return "<*>"
        }
        let template = tokens.joined(separator: " ")
        if let id = ids[template] { return (template, id, params) }
        ids[template] = ids.count + 1
        return (template, ids.count, params)
    }

    static func records(_ url: URL) throws -> [LogRecord] {
        var ids: [String: Int] = [:]
        var out: [LogRecord] = []
        for (n, line) in try String(contentsOf: url, encoding: .utf8).split(separator: "\n").enumerated() {
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let ts = object["ts"] as? String, let time = date(ts), let message = object["msg"] as? String
            else {
                Issue.record("payments.jsonl:\(n + 1): not a {ts, level, msg} object")
                continue
            }
            var fields: [String: String] = [:]
            for (k, v) in object where !["ts", "level", "msg"].contains(k) { fields[k] = "\(v)" }
            let (template, id, params) = mask(message, ids: &ids)
            out.append(LogRecord(
                source: "payments.jsonl", line: n + 1, time: time,
                level: (object["level"] as? String).flatMap { Level(word: $0) } ?? .unknown,
                message: message, fields: fields, templateID: id, template: template, params: params))
        }
        return out
    }

    static func labels(_ url: URL) throws -> [Label] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let incidents = try #require(json["incidents"] as? [[String: Any]])
        return incidents.compactMap { i in
            guard i["file"] as? String == "payments.jsonl", let kind = i["kind"] as? String,
                  let s = (i["start"] as? String).flatMap(date), let e = (i["end"] as? String).flatMap(date)
            else { return nil }
            return Label(kind: kind, start: s, end: e)
        }
    }

    @Test func labelledIncidentsAreFoundAndNothingElse() throws {
        let dir = Self.dataDirectory
        let data = dir.appendingPathComponent("payments.jsonl")
        guard FileManager.default.fileExists(atPath: data.path) else {
            Issue.record("eval data not found at \(data.path)")
            return
        }
        let records = try Self.records(data)
        let labels = try Self.labels(dir.appendingPathComponent("labels.json"))
        #expect(records.count > 10_000)
        #expect(labels.map(\.kind).sorted() == ["new_error", "silence"])

        var engine = AnalysisEngine()
        for r in records { _ = engine.observe(r, now: r.time!) }
        _ = engine.advance(to: records.last!.time!)
        let anomalies = engine.anomalies

        func matches(_ a: Anomaly, _ l: Label) -> Bool {
            a.start >= l.start.addingTimeInterval(-60) && a.start <= l.end.addingTimeInterval(120)
        }
        var lines: [String] = []
        for label in labels {
            let hits = anomalies.filter { matches($0, label) }
            #expect(!hits.isEmpty, "missed \(label.kind) at \(label.start)")
            let delay = hits.map { $0.detectedAt.timeIntervalSince(label.start) }.min() ?? .infinity
            if label.kind == "silence" {
                // One file alone has no other clock: its silence can only be seen when lines resume.
                let afterEnd = hits.map { $0.detectedAt.timeIntervalSince(label.end) }.min() ?? .infinity
                #expect(afterEnd <= 30, "silence detected \(afterEnd) s after it ended")
            } else {
                #expect(delay <= 180, "\(label.kind) detected \(delay) s after it began")
            }
            lines.append("\(label.kind): found by \(Set(hits.map(\.kind.rawValue)).sorted()) delay \(Int(delay)) s")
        }
        let expectedKind: [String: AnomalyKind] = ["new_error": .newPattern, "silence": .silence]
        for label in labels {
            #expect(anomalies.contains { matches($0, label) && $0.kind == expectedKind[label.kind] })
        }
        let strays = anomalies.filter { a in !labels.contains { matches(a, $0) } }
        #expect(strays.isEmpty, "false positives: \(strays.map(\.summary))")
        for kind in AnomalyKind.allCases {
            let ofKind = anomalies.filter { $0.kind == kind }
            guard !ofKind.isEmpty else { continue }
            let tp = ofKind.filter { a in labels.contains { matches(a, $0) } }.count
            lines.append("\(kind.rawValue): \(ofKind.count) anomalies, precision \(tp)/\(ofKind.count)")
        }
        print("payments.jsonl replay:\n  " + lines.joined(separator: "\n  "))
        #expect(engine.incidents.count == labels.count)
    }
}
