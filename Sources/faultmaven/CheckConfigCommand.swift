import ArgumentParser
import FaultMavenAgent
import FaultMavenCore

struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config", abstract: "Validate a fluent.conf: prints PATH:LINE: message lines; exit 0 or 1.")

    @OptionGroup var options: ConfigOption

    func run() throws {
        let path = options.resolve()
        let result = ConfigLoader.check(path: path)
        for line in result.all { writeStdout(line + "\n") }
        if !result.errors.isEmpty { throw ExitCode(1) }
        writeStdout("\(path): OK (\(result.summary))\n")
    }
}
