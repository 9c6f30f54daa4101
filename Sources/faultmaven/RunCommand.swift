import ArgumentParser
import FaultMavenAgent
import Logging

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run the agent: tail the configured sources, detect anomalies, serve the query port.")

    @OptionGroup var options: ConfigOption

    func run() async throws {
        let path = options.resolve()
        let loaded = try ConfigLoader.load(path: path)
        for warning in loaded.warnings { writeStderr(warning) }
        let logger = Logger(label: "faultmaven")
        let agent = Agent(config: loaded.config, logger: logger, console: { writeStdout($0) })
        try await agent.run()
    }
}
