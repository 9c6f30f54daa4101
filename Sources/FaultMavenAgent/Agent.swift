import FaultMavenCore
import Foundation
import LogIngest
import Logging
import QueryServer
import ServiceLifecycle
import Troubleshooting

/// The running agent: sources → pipeline → query port, as services in one `ServiceGroup`.
///
/// Start order is query port, pipeline, ticker, sources; graceful shutdown (SIGTERM/SIGINT) runs
/// in reverse: sources stop and write their checkpoints, the pipeline drains what they sent,
/// then the query port closes.
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
        let channel = BoundedChannel<[RawLine]>(capacity: Limits.channelBatches)
        let live = LiveState()
        let acknowledgements = Acknowledgements()
        let backend = AgentBackend(live: live, metrics: metrics, analysis: config.analysis)
        let sessions = SessionStore(idleTimeout: config.sessionTimeout, metrics: metrics)
        let server = QueryServer(backend: backend, troubleshooter: Troubleshooter(sessions: sessions, live: backend), version: FaultMavenVersion.string)
        let app = server.application(host: config.bind, port: config.port, logger: logger)
        let pipeline = PipelineService(
            config: config, input: channel, live: live, metrics: metrics, acknowledgements: acknowledgements,
            console: console, logger: logger)
        let sources: [any Service] = config.sources.map { source -> any Service in
            switch source.input {
            case .tail(let t):
                TailSource(config: t, output: channel, metrics: metrics, logger: logger, acknowledgements: acknowledgements)
            case .journal(let j):
                JournalSource(config: j, output: channel, metrics: metrics, logger: logger, acknowledgements: acknowledgements)
            }
        }
        let services: [any Service] = [app, pipeline, TickerService(channel: channel)] + sources
        let group = ServiceGroup(configuration: .init(
            services: services.map { .init(service: $0) },
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger))
        logger.info("faultmaven \(FaultMavenVersion.string) starting; query port \(config.bind):\(config.port)", metadata: ["config": "\(config.path)"])
        do {
            try await group.run()
        } catch let e as FaultMavenError {
            throw e
        } catch {
            // In practice: the query port could not be bound (in use, or not permitted).
            throw FaultMavenError.runtime("agent stopped (query port \(config.bind):\(config.port)): \(error)")
        }
    }
}
