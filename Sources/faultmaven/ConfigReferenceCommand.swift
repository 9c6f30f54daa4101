import ArgumentParser
import FaultMavenAgent

struct ConfigReferenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config-reference", abstract: "Print every fluent.conf parameter the agent understands (Markdown).")

    func run() throws {
        writeStdout(ConfigReference.markdown())
    }
}
