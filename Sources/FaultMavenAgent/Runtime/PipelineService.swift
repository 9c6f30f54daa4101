import FaultMavenCore
import Foundation
import LogAnalysis
import Logging
import LogParsing
import LogShipping
import QueryServer
import ServiceLifecycle
import Synchronization

/// The agent's one consumer: parses line batches, mines templates, runs the detectors in wall
/// time, reports anomalies, feeds outputs and publishes state for the query port.
/// An empty batch is a tick (sent by ``TickerService``) that flushes idle multiline events and
/// runs the time-driven detectors.
final class PipelineService: Service {
    private let input: BoundedChannel<LineBatch>
    private let config: AgentConfig
    private let live: LiveState
    private let reporter: ConsoleReporter
    private let console: @Sendable (String) -> Void
    private let registry: MetricsRegistry
    private let acknowledgements: Acknowledgements
    private let outputs: ShipOutputs?
    private let logger: Logger
    /// Where templates are kept across restarts (written off this task), and what was loaded at start-up.
    private let templateWriter: TemplateWriter?
    private let restored: TemplatePersistence.Restored?
    /// Set when the pipeline has drained; the shutdown watchdog then has nothing to do.
    private let finished = Atomic<Bool>(false)
    /// How long shutdown waits for a pipeline stuck on full buffers before closing them.
    static let blockedShutdownGrace: Duration = .seconds(10)

    init(
        config: AgentConfig, input: BoundedChannel<LineBatch>, live: LiveState, metrics: MetricsRegistry,
        acknowledgements: Acknowledgements, outputs: ShipOutputs? = nil, templates: TemplatePersistence? = nil,
        restored: TemplatePersistence.Restored? = nil, console: @escaping @Sendable (String) -> Void, logger: Logger
    ) {
        self.templateWriter = templates.map { TemplateWriter(persistence: $0, written: restored?.written ?? [:]) }
        self.restored = restored
        self.config = config
        self.outputs = outputs
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
        /// The `<match>` index each tag routes to (the first matching one, nil for none); tags are few.
        var routes: [String: Int?] = [:]
        /// Outputs whose buffer refused records (closed, I/O error): their streams are not
        /// acknowledged again in this run, so no checkpoint passes lines that were not taken.
        var refused: Set<Int> = []
        /// When the templates were last handed to the writer.
        var lastTemplateSave = Date()
    }

    func run() async throws {
        let idle = config.sources.compactMap(\.parser.multilineFlushInterval).min() ?? 5
        var loop = Loop(
            bank: ParserBank(
                configs: Dictionary(config.sources.map { ($0.sourceID, $0.parser) }, uniquingKeysWith: { a, _ in a }),
                pathKeys: Dictionary(config.sources.compactMap { s in s.tail?.pathKey.map { (s.sourceID, $0) } }, uniquingKeysWith: { a, _ in a })),
            processor: restored.map { RecordProcessor(analysis: config.analysis, restoring: $0.miner, levels: $0.levels) }
                ?? RecordProcessor(analysis: config.analysis, miner: config.templates),
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
                await process(&loop, now: now, tick: batch.isEmpty)
            }
        } onGracefulShutdown: { [self] in
            input.finish()
            guard let outputs else { return }
            // A pipeline blocked on full buffers (sink down) cannot drain: after a grace period
            // close them; what they did not take is not acknowledged and is read again later.
            Task {
                try? await Task.sleep(for: Self.blockedShutdownGrace)
                if !self.finished.load(ordering: .relaxed) {
                    self.logger.warning("pipeline not drained \(Self.blockedShutdownGrace) after shutdown began (full output buffers?); closing them")
                    await outputs.close()
                }
            }
        }
        let now = Date()
        loop.bank.flushAll(now: now, into: &loop.records)
        await process(&loop, now: now, tick: true, force: true)
        await templateWriter?.finish(
            loop.processor.miner.exportState(), levels: loop.processor.levels(), keep: loop.processor.miner.config.maxTemplates)
        finished.store(true, ordering: .relaxed)
        logger.info("pipeline drained", metadata: ["records": "\(loop.processor.records)"])
    }

    private func process(_ loop: inout Loop, now: Date, tick: Bool, force: Bool = false) async {
        var opened: [Anomaly] = []
        for i in loop.records.indices {
            loop.metrics.countRecord(source: loop.records[i].source, level: loop.records[i].level)
            // Wall time: `run` judges by when lines arrive; event time is kept on the record.
            opened += loop.processor.process(&loop.records[i], now: now)
        }
        if !config.outputs.isEmpty { await writeOutputs(&loop) }
        loop.records.removeAll(keepingCapacity: true)
        await acknowledge(&loop)
        if tick { opened += loop.processor.advance(to: now) }
        for a in opened {
            loop.metrics.anomalies.counter(a.kind.rawValue).increment()
            reporter.report(a)
        }
        loop.metrics.queue.set(input.count)
        if force || !opened.isEmpty || now.timeIntervalSince(loop.lastPublish) >= 1 {
            publish(&loop, now: now)
        }
        if let templateWriter, !force, now.timeIntervalSince(loop.lastTemplateSave) >= TemplatePersistence.interval {
            loop.lastTemplateSave = now
            await templateWriter.offer(
                loop.processor.miner.exportState(), levels: loop.processor.levels(), keep: loop.processor.miner.config.maxTemplates)
        }
    }

    static let maxRoutes = 1024

    /// The `<match>` index `tag` routes to: the first matching one, as in Fluentd.
    private func route(_ tag: String, _ loop: inout Loop) -> Int? {
        if let cached = loop.routes[tag] { return cached }
        let index = config.outputs.firstIndex(where: { $0.pattern.matches(tag) })
        if loop.routes.count >= Self.maxRoutes { loop.routes.removeAll(keepingCapacity: true) }
        loop.routes[tag] = .some(index)
        return index
    }

    /// Writes stdout records and appends shipped ones to their buffers (in order per output).
    /// An output whose buffer refuses records (closed at shutdown, an I/O error) joins `refused`.
    private func writeOutputs(_ loop: inout Loop) async {
        var text = ""
        var written = 0
        var shipped: [Int: [ShipRecord]] = [:]
        for r in loop.records {
            guard let index = route(r.tag, &loop) else { continue }
            switch config.outputs[index].kind {
            case .stdout:
                text += RecordJSON.line(r, includeFields: true) + "\n"
                written += 1
            case .null:
                continue
            case .ship:
                shipped[index, default: []].append(ShipRecord(r))
            }
        }
        if written > 0 {
            console(text)
            loop.metrics.outputRecords.counter("stdout").increment(by: written)
        }
        guard let outputs else { return }
        for (index, records) in shipped.sorted(by: { $0.key < $1.key }) {
            do {
                try await outputs.append(records, to: index)
            } catch {
                guard loop.refused.insert(index).inserted else { continue }
                logger.error("output refused records; their lines are not acknowledged and are read again after a restart",
                             metadata: ["output": "\(config.outputs[index].ship?.name ?? "")", "records": "\(records.count)", "error": "\(error)"])
            }
        }
    }

    /// The records are handled: their sources may checkpoint past them. For a stream whose tag
    /// routes to a shipping output the acknowledgement goes through that output's buffer (it is
    /// released when the records are durable or delivered); others are acknowledged now.
    private func acknowledge(_ loop: inout Loop) async {
        for (stream, position, tag) in loop.bank.takeTaggedAcks() {
            guard let outputs, let index = route(tag, &loop), outputs.ships(index) else {
                acknowledgements.acknowledge(stream, position: position)
                continue
            }
            if loop.refused.contains(index) { continue }
            await outputs.acknowledge(stream, position: position, at: index)
        }
        if let outputs, outputs.isDraining { await outputs.flush() }
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
        loop.metrics.templateSearchesCut.increment(by: loop.processor.miner.searchesCut - loop.metrics.templateSearchesCut.value)
        let templates = loop.processor.templateRows(limit: 1000).map {
            TemplateRow(id: $0.info.id, template: $0.info.template, count: $0.info.count, level: loop.processor.level(of: $0.info.id).name)
        }
        live.publish(.init(snapshot: snapshot, anomalies: engine.anomalies, incidents: engine.incidents, templates: templates))
    }
}
