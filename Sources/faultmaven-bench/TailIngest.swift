import FaultMavenCore
import LogIngest
import LogParsing
import Logging
import Foundation

/// The pipeline's own ingest path: a ``TailSource`` reading the file from its head into a
/// `BoundedChannel<LineBatch>`, drained by one consumer task that counts lines (and with
/// `parse`, runs `EventParser` in auto mode over each). Timing stops when the last line
/// arrived; the source is then shut down.
enum TailIngest {
    /// Seconds without a new batch after which the case gives up (the source stalled).
    static let stallSeconds = 30.0

    static func measure(file: IngestFile, parse: Bool) async throws -> IngestRow {
        let channel = BoundedChannel<LineBatch>(capacity: Limits.channelBatches)
        let config = TailConfig(paths: [file.path], tag: "bench", readFromHead: true)
        var logger = Logger(label: "faultmaven-bench")
        logger.logLevel = .warning
        let source = TailSource(config: config, output: channel, metrics: MetricsRegistry(), logger: logger)
        let progress = ProgressCounter()
        let expected = file.lines

        let cpu0 = CPUClock.selfSeconds()
        let t0 = CPUClock.wall()
        let producer = Task.detached { try await source.run() }
        let watchdog = Task.detached {
            var last = -1
            var since = CPUClock.wall()
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(1))
                let now = progress.value
                if now != last {
                    last = now
                    since = CPUClock.wall()
                } else if CPUClock.wall() - since > stallSeconds {
                    channel.finish()
                    return
                }
            }
        }
        let consumer = Task.detached { () throws -> (lines: Int, events: Int) in
            var parser = parse ? try EventParser(config: ParserConfig(type: .auto), referenceDate: Date()) : nil
            var events: [ParsedEvent] = []
            var lines = 0
            var eventCount = 0
            while lines < expected, let batch = await channel.receive() {
                lines += batch.count
                if parser != nil {
                    batch.forEachText { text, number in parser!.feed(text, number: number, into: &events) }
                    eventCount += events.count
                    events.removeAll(keepingCapacity: true)
                }
                progress.value = lines
            }
            if parser != nil {
                parser!.flush(into: &events)
                eventCount += events.count
            }
            return (lines, eventCount)
        }
        let result = try await consumer.value
        let seconds = CPUClock.wall() - t0
        let cpu = CPUClock.selfSeconds() - cpu0
        watchdog.cancel()
        producer.cancel()
        channel.finish()
        try await producer.value
        if result.lines < expected {
            throw FaultMavenError.runtime(
                "tail source delivered \(result.lines) of \(expected) lines of \(file.path) and then nothing for \(Int(stallSeconds)) s")
        }
        if parse && result.events != result.lines {
            // Auto mode joins continuation lines; the generated file has none, so every line is one event.
            FileHandle.standardError.write(Data("faultmaven-bench: parser made \(result.events) events from \(result.lines) lines\n".utf8))
        }
        return IngestRow(
            name: parse ? "TailSource → channel → EventParser (auto)" : "TailSource → channel (count lines)",
            lines: result.lines, bytes: file.bytes, seconds: seconds, cpuSeconds: cpu)
    }
}

