import FaultMavenCore
import Foundation
import LLMProviders
import LogIngest
import LogParsing
import Logging
import QueryServer
import ServiceLifecycle
import StateStore
import Troubleshooting

/// The running agent: sources → pipeline → query port, as services in one `ServiceGroup`.
///
/// Start order is query port, shipping outputs, pipeline, ticker, sources; graceful shutdown
/// (SIGTERM/SIGINT) runs in reverse: the outputs seal their open chunks, sources stop and write
/// their checkpoints, the pipeline drains what they sent, the outputs close (flushing what
/// `flush_at_shutdown` asks for), then the query port closes.
public struct Agent: Sendable {
    public let config: AgentConfig
    public let logger: Logger
    /// Where anomaly reports and `stdout` output go (standard output in the CLI).
    public let console: @Sendable (String) -> Void

    public init(config: AgentConfig, logger: Logger, console: @escaping @Sendable (String) -> Void) {
        self.config = config
        self.logger = logger
        self.console = console
    }

    public func run() async throws {
        do {
            try FileManager.default.createDirectory(atPath: config.stateDir, withIntermediateDirectories: true)
        } catch {
            throw FaultMavenError.runtime("state_dir \(config.stateDir): \(error.localizedDescription)")
        }
        let metrics = MetricsRegistry()
        metrics.gaugeFamily("faultmaven_build_info", help: "Always 1; the version is a label.", labels: ["version"])
            .gauge(FaultMavenVersion.string).set(1)
        let channel = BoundedChannel<LineBatch>(capacity: Limits.channelBatches)
        let live = LiveState()
        let acknowledgements = Acknowledgements()
        var backend = AgentBackend(live: live, metrics: metrics, analysis: config.analysis)
        let state = try openStateStore(metrics: metrics)
        defer { try? state.close() }
        backend.store = state
        let sessions = SessionStore(state: state)
        let llm = try makeLLMResponder(metrics: metrics)
        let responder: any Responder = llm ?? BuiltinResponder()
        let server = QueryServer(
            backend: backend, troubleshooter: Troubleshooter(sessions: sessions, responder: responder, live: backend),
            version: FaultMavenVersion.string, urlFetcher: URLFetcher(policy: config.urlFetch, metrics: metrics))
        let app = server.application(host: config.bind, port: config.port, logger: logger)
        let outputs = try ShipOutputs(config: config, registry: metrics, acknowledgements: acknowledgements, logger: logger)
        // Templates come back before any source starts, so their ids continue across restarts.
        let templates = TemplatePersistence(store: state, metrics: metrics, logger: logger)
        let restored = await templates.load(config: config.templates)
        let pipeline = PipelineService(
            config: config, input: channel, live: live, metrics: metrics, acknowledgements: acknowledgements,
            outputs: outputs.isEmpty ? nil : outputs, templates: templates, restored: restored, console: console, logger: logger)
        let sources: [any Service] = config.sources.map { source -> any Service in
            switch source.input {
            case .tail(let t):
                TailSource(config: t, output: channel, metrics: metrics, logger: logger, acknowledgements: acknowledgements)
            case .journal(let j):
                JournalSource(config: j, output: channel, metrics: metrics, logger: logger, acknowledgements: acknowledgements)
            }
        }
        let sweeper = SessionSweeper(
            sessions: sessions, interval: SessionSweeper.interval(for: config.sessionTimeout), logger: logger)
        // Graceful shutdown runs from the end: drain signal, sources, ticker, pipeline, outputs, query port.
        var services: [any Service] = outputs.isEmpty
            ? [app, pipeline, TickerService(channel: channel), sweeper] + sources
            : [app, ShippingService(outputs: outputs), pipeline, TickerService(channel: channel), sweeper] + sources
                + [DrainSignalService(outputs: outputs)]
        // The archive's last pass runs after the pipeline has drained (services stop in reverse).
        services.insert(
            IncidentArchive(store: state, backend: backend, runID: IncidentArchive.runID(startedAt: Date()), logger: logger), at: 1)
        if let llm, config.llm.incidentSummaries, config.llm.summariesPerHour > 0 {
            // After the archive in the list: it stops before the archive's last pass, which then
            // stores the summaries written so far.
            services.insert(IncidentSummarizer(
                responder: llm, backend: backend, perHour: config.llm.summariesPerHour, console: console, logger: logger,
                metrics: metrics), at: 2)
        }
        let group = ServiceGroup(configuration: .init(
            services: services.map { .init(service: $0) },
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        logger.info(
            "faultmaven \(FaultMavenVersion.string) starting; query port \(config.bind):\(config.port); answers from \(responder.providerName)",
            metadata: ["config": "\(config.path)"])
        // Buffers start before the group so the pipeline never meets one not yet running; a
        // file buffer's chunks from an earlier run are queued for sending again.
        try await outputs.start()
        do {
            try await group.run()
        } catch let e as FaultMavenError {
            throw e
        } catch {
            // In practice: the query port could not be bound (in use, or not permitted).
            throw FaultMavenError.runtime("agent stopped (query port \(config.bind):\(config.port)): \(error)")
        }
    }

    /// `state_dir/faultmaven.sqlite`, with the configured session expiry.
    private func openStateStore(metrics: MetricsRegistry) throws -> StateStore {
        var settings = StateStoreConfig()
        settings.sessionIdleTimeout = config.sessionTimeout
        do {
            return try StateStore(stateDirectory: config.stateDir, config: settings, metrics: metrics)
        } catch let e as StateStoreError {
            throw FaultMavenError.runtime(e.description)
        }
    }

    /// The configured model behind the built-in knowledge base, or nil for `provider builtin`.
    private func makeLLMResponder(metrics: MetricsRegistry) throws -> LLMResponder? {
        guard let settings = config.llm.settings else { return nil }
        let provider: any LLMProvider
        do {
            provider = try settings.makeProvider(metrics: metrics)
        } catch {
            throw FaultMavenError.badInput("\(config.path): <llm>: \(error.message)")
        }
        let redactor = Redactor(emails: config.llm.redactEmails, ipAddresses: config.llm.redactIPs, metrics: metrics)
        let builder = ContextBuilder(prompts: config.llm.prompts, redactor: redactor, tokenBudget: config.llm.contextTokens)
        return LLMResponder(
            provider: provider, builder: builder, maxTokens: config.llm.maxTokens, temperature: config.llm.temperature,
            logger: logger)
    }
}
