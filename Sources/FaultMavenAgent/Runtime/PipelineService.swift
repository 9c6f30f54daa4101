import FaultMavenCore
import Foundation
import LogAnalysis
import Logging
import LogParsing
import QueryServer
import ServiceLifecycle

/// The agent's one consumer: parses line batches, mines templates, runs the detectors in wall
/// time, reports anomalies, feeds outputs and publishes state for the query port.
/// An empty batch is a tick (sent by ``TickerService``) that flushes idle multiline events and
/// runs the time-driven detectors.
final class PipelineService: Service {
    private let input: BoundedChannel<[RawLine]>
    private let config: AgentConfig
    private let live: LiveState
    private let reporter: ConsoleReporter
    private let console: @Sendable (String) -> Void
    private let registry: MetricsRegistry
    private let acknowledgements: Acknowledgements
    private let logger: Logger

    init(
        config: AgentConfig, input: BoundedChannel<[RawLine]>, live: LiveState, metrics: MetricsRegistry,
        acknowledgements: Acknowledgements, console: @escaping @Sendable (String) -> Void, logger: Logger
    ) {
        self.config = config
        self.acknowledgements = acknowledgements
        self.input = input
        self.live = live
        self.registry = metrics
        self.console = console
        self.reporter = ConsoleReporter(write: console)
        self.logger = logger
    }

    /// Per-run state, owned by the running task.
    private struct Loop {
        var bank: ParserBank
        var processor: RecordProcessor
        var metrics: PipelineMetrics
        var records: [LogRecord] = []
        var lastPublish = Date.distantPast
        var failuresSeen: [String: Int] = [:]
        /// The output each tag routes to (the first matching <match>, nil for none); tags are few.
        var routes: [String: AgentConfig.Output.Kind?] = [:]
    }

    func run() async throws {
        let idle = config.sources.compactMap(\.parser.multilineFlushInterval).min() ?? 5
        var loop = Loop(
            bank: ParserBank(
                configs: Dictionary(config.sources.map { ($0.sourceID, $0.parser) }, uniquingKeysWith: { a, _ in a }),
                pathKeys: Dictionary(config.sources.compactMap { s in s.tail?.pathKey.map { (s.sourceID, $0) } }, uniquingKeysWith: { a, _ in a })),
            processor: RecordProcessor(analysis: config.analysis),
            metrics: PipelineMetrics(registry))
        live.markReady()
        logger.info("pipeline started", metadata: ["sources": "\(config.sources.count)"])
        // Sources stop first (they are later in the service group); then this drains what they sent.
        await withGracefulShutdownHandler {
            for await batch in input {
                let now = Date()
                if batch.isEmpty {
                    loop.bank.flushIdle(now: now, idle: idle, into: &loop.records)
                } else {
                    loop.bank.parse(batch, referenceDate: now, into: &loop.records)
                }
                process(&loop, now: now, tick: batch.isEmpty)
            }
        } onGracefulShutdown: { [input] in
            input.finish()
        }
        let now = Date()
        loop.bank.flushAll(now: now, into: &loop.records)
        process(&loop, now: now, tick: true, force: true)
        logger.info("pipeline drained", metadata: ["records": "\(loop.processor.records)"])
    }

    private func process(_ loop: inout Loop, now: Date, tick: Bool, force: Bool = false) {
        var opened: [Anomaly] = []
        for i in loop.records.indices {
            loop.metrics.countRecord(source: loop.records[i].source, level: loop.records[i].level)
            // Wall time: `run` judges by when lines arrive; event time is kept on the record.
            opened += loop.processor.process(&loop.records[i], now: now)
        }
        if !config.outputs.isEmpty { writeOutputs(&loop) }
        loop.records.removeAll(keepingCapacity: true)
        // The records are handled: their sources may now checkpoint past them.
        for (stream, position) in loop.bank.takeAcks() { acknowledgements.acknowledge(stream, position: position) }
        if tick { opened += loop.processor.advance(to: now) }
        for a in opened {
            loop.metrics.anomalies.counter(a.kind.rawValue).increment()
            reporter.report(a)
        }
        loop.metrics.queue.set(input.count)
        if force || !opened.isEmpty || now.timeIntervalSince(loop.lastPublish) >= 1 {
            publish(&loop, now: now)
        }
    }

    static let maxRoutes = 1024

    private func writeOutputs(_ loop: inout Loop) {
        var text = ""
        var written = 0
        for r in loop.records {
            let route: AgentConfig.Output.Kind?
            if let cached = loop.routes[r.tag] {
                route = cached
            } else {
                // The first matching <match> wins, as in Fluentd.
                route = config.outputs.first(where: { $0.pattern.matches(r.tag) })?.kind
                if loop.routes.count >= Self.maxRoutes { loop.routes.removeAll(keepingCapacity: true) }
                loop.routes[r.tag] = .some(route)
            }
            guard route == .stdout else { continue }
            text += RecordJSON.line(r, includeFields: true) + "\n"
            written += 1
        }
        if written > 0 {
            console(text)
            loop.metrics.outputRecords.counter("stdout").increment(by: written)
        }
    }

    private func publish(_ loop: inout Loop, now: Date) {
        loop.lastPublish = now
        let engine = loop.processor.engine
        let snapshot = engine.snapshot()
        for s in snapshot.sources { loop.metrics.errorRatio.gauge(s.source).set(s.errorRatio) }
        for (path, stats) in loop.bank.stats {
            let delta = stats.parseFailures - (loop.failuresSeen[path] ?? 0)
            if delta > 0 {
                loop.metrics.parseFailures.counter(SourceName.canonical(path)).increment(by: delta)
                loop.failuresSeen[path] = stats.parseFailures
            }
        }
        loop.metrics.templates.set(loop.processor.miner.count)
        loop.metrics.templatesEvicted.increment(by: loop.processor.miner.evictions - loop.metrics.templatesEvicted.value)
        let templates = loop.processor.templateRows(limit: 1000).map {
            TemplateRow(id: $0.info.id, template: $0.info.template, count: $0.info.count, level: ($0.meta?.level ?? .unknown).name)
        }
        live.publish(.init(snapshot: snapshot, anomalies: engine.anomalies, incidents: engine.incidents, templates: templates))
    }
}
